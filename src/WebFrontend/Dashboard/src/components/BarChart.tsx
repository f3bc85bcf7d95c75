import { useEffect, useRef } from "preact/hooks";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";

// Only the parts a horizontal bar chart needs, so the bundle stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type Bar = { label: string; value: number; text?: string };

/**
 * A horizontal bar chart drawn by Chart.js on a canvas. The same numbers are in the table beside it, which is
 * what screen readers read; the canvas only names itself.
 */
/** `format` writes the value axis's numbers (e.g. minor units as money); bars' own `text` is their tooltip. */
export function BarChart({ title, bars, format }: { title: string; bars: Bar[]; format?: (value: number) => string }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    // The box's height follows the number of bars (set through the CSSOM, which the page's CSP allows); Chart.js fills it.
    canvas.current.parentElement!.style.height = `${Math.max(80, bars.length * 26 + 40)}px`;
    const texts = bars.map((b) => b.text ?? String(b.value));
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: bars.map((b) => b.label),
        datasets: [{ label: title, data: bars.map((b) => b.value), backgroundColor: "#1d5fa8", borderRadius: 2, maxBarThickness: 18 }],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0, color: "#1f2933", ...(format ? { callback: (value) => format(Number(value)) } : {}) } }, y: { ticks: { color: "#1f2933" } } },
        plugins: { tooltip: { callbacks: { label: (item) => texts[item.dataIndex] } } },
      },
    });
    return () => chart.destroy();
  }, [title, JSON.stringify(bars), format]);

  return (
    <figure class="bar-chart">
      <figcaption>{title}</figcaption>
      <div class="chart-box">
        <canvas ref={canvas} role="img" aria-label={`${title}: chart of the table below`} />
      </div>
    </figure>
  );
}
