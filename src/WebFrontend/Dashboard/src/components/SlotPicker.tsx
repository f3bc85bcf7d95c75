import { useEffect, useId, useState } from "preact/hooks";
import { get, query } from "../api";
import { errorMessage, formatDate, learnZone, localParts } from "./records";
import { InputField } from "./RecordFields";
import type { DayAvailability, FreeSlot } from "../types";

type Props = {
  serviceId: string;
  staffId?: string | null;
  date: string;
  onDate: (date: string) => void;
  /** The chosen slot's start, as the API wrote it (with the business's offset). */
  value: string;
  onChange: (start: string) => void;
  /** The API's problem with `start` (a slot taken meanwhile…). */
  error?: string;
  dateError?: string;
  /** Changes when the free slots may have changed (after a failed booking), to fetch them again. */
  reload?: number;
};

/** A local date and one of the service's free slots on it, from GET /api/availability. */
export function SlotPicker({ serviceId, staffId, date, onDate, value, onChange, error, dateError, reload }: Props) {
  const id = useId();
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setSlots(null);
    setLoadError(null);
    if (!serviceId || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    let current = true;
    get<DayAvailability>(`/api/availability${query({ serviceId, date, staffId })}`).then(
      (day) => {
        if (!current) return;
        learnZone(day.timeZone);
        setZone(day.timeZone);
        setSlots(day.slots);
      },
      (e) => current && setLoadError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [serviceId, staffId, date, reload]);

  const describedBy = error ? `${id}-error` : undefined;

  return (
    <div class="slot-picker">
      <InputField label="Date" name="date" type="date" value={date} onInput={onDate} error={dateError} />
      <fieldset class="slots" aria-describedby={describedBy}>
        <legend>Time{date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? ` on ${formatDate(date)}` : ""}{zone ? ` (${zone})` : ""}</legend>
        {!serviceId ? (
          <p class="meta">Choose a service first.</p>
        ) : loadError ? (
          <p class="error">{loadError}</p>
        ) : slots === null ? (
          <p class="meta">Looking for free times…</p>
        ) : slots.length === 0 ? (
          <p class="meta">No free time on this date. Try another day, or check the opening hours.</p>
        ) : (
          <div class="slot-grid">
            {slots.map((slot) => {
              const { time } = localParts(slot.start);
              return (
                <label key={slot.start} class={`slot ${value === slot.start ? "chosen" : ""}`}>
                  <input type="radio" name={`${id}-slot`} value={slot.start} checked={value === slot.start} onChange={() => onChange(slot.start)} />
                  {time}
                </label>
              );
            })}
          </div>
        )}
        {error && <p class="error" id={`${id}-error`}>{error}</p>}
      </fieldset>
    </div>
  );
}
