import { useId } from "preact/hooks";
import { weekdayNames, weekdays } from "./records";
import { CheckField, InputField } from "./RecordFields";
import type { DateException, Weekday, WeeklyHours } from "../types";

type Props = {
  /** Sorted by weekday; the request sends them in this order, so `weeklyHours[i]` errors point at row i. */
  weekly: WeeklyHours[];
  exceptions: DateException[];
  onChange: (weekly: WeeklyHours[], exceptions: DateException[]) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  /** Says what an empty week means (the business is closed; a service uses the business's hours). */
  emptyWeekHint: string;
  /** Only the dated exceptions (a service that keeps the business's weekly hours). */
  hideWeekly?: boolean;
};

function sorted(hours: WeeklyHours[]): WeeklyHours[] {
  return [...hours].sort((a, b) => weekdays.indexOf(a.weekday) - weekdays.indexOf(b.weekday) || a.opens.localeCompare(b.opens));
}

/** Weekly opening hours (several intervals a day for split days) and dated exceptions (closed, or other hours). */
export function HoursEditor({ weekly, exceptions, onChange, errors, disabled, emptyWeekHint, hideWeekly }: Props) {
  const hintId = useId();
  const setWeekly = (next: WeeklyHours[]) => onChange(next, exceptions);
  const setExceptions = (next: DateException[]) => onChange(weekly, next);

  function addInterval(day: Weekday) {
    // A first interval of a working day; a second one for the afternoon of a split day.
    const interval: WeeklyHours = weekly.some((h) => h.weekday === day)
      ? { weekday: day, opens: "16:00", closes: "20:00" }
      : { weekday: day, opens: "09:00", closes: "17:00" };
    setWeekly(sorted([...weekly, interval]));
  }

  function copyMonday() {
    const monday = weekly.filter((h) => h.weekday === "monday");
    const others = weekly.filter((h) => !["tuesday", "wednesday", "thursday", "friday"].includes(h.weekday));
    const copies = (["tuesday", "wednesday", "thursday", "friday"] as Weekday[]).flatMap((day) => monday.map((h) => ({ ...h, weekday: day })));
    setWeekly(sorted([...others, ...copies]));
  }

  return (
    <div class="hours-editor">
      {!hideWeekly && <fieldset class="plain" disabled={disabled} aria-describedby={hintId}>
        <legend class="section-legend">Weekly hours</legend>
        <p class="hint" id={hintId}>{emptyWeekHint}</p>
        {weekdays.map((day) => {
          const rows = weekly.map((h, index) => ({ h, index })).filter(({ h }) => h.weekday === day);
          return (
            <fieldset class="day-hours" key={day}>
              <legend>{weekdayNames[day]}</legend>
              {rows.length === 0 && <p class="meta closed">Closed</p>}
              {rows.map(({ h, index }, n) => (
                <div class="interval" key={index}>
                  <InputField
                    label={n ? `Opens (hours ${n + 1})` : "Opens"}
                    name={`weeklyHours[${index}].opens`}
                    type="time"
                    value={h.opens}
                    onInput={(opens) => setWeekly(weekly.map((x, i) => (i === index ? { ...x, opens } : x)))}
                    error={errors[`weeklyHours[${index}].opens`] ?? errors[`weeklyHours[${index}].weekday`]}
                  />
                  <InputField
                    label={n ? `Closes (hours ${n + 1})` : "Closes"}
                    name={`weeklyHours[${index}].closes`}
                    type="time"
                    value={h.closes}
                    onInput={(closes) => setWeekly(weekly.map((x, i) => (i === index ? { ...x, closes } : x)))}
                    error={errors[`weeklyHours[${index}].closes`]}
                  />
                  <button type="button" class="secondary small" onClick={() => setWeekly(weekly.filter((_, i) => i !== index))}>
                    Remove<span class="visually-hidden"> {weekdayNames[day]} {h.opens}–{h.closes}</span>
                  </button>
                </div>
              ))}
              <button type="button" class="link-button" onClick={() => addInterval(day)}>
                {rows.length ? "Add more hours" : "Open"}<span class="visually-hidden"> on {weekdayNames[day]}</span>
              </button>
            </fieldset>
          );
        })}
        {weekly.some((h) => h.weekday === "monday") && (
          <button type="button" class="secondary small" onClick={copyMonday}>Copy Monday's hours to Tuesday–Friday</button>
        )}
      </fieldset>}

      <fieldset class="plain" disabled={disabled}>
        <legend class="section-legend">Dates with other hours</legend>
        <p class="hint">Holidays (closed all day) or special opening hours on one date.</p>
        {exceptions.length === 0 && <p class="meta">None.</p>}
        {exceptions.map((e, index) => {
          const closed = e.opens == null && e.closes == null;
          const change = (patch: Partial<DateException>) => setExceptions(exceptions.map((x, i) => (i === index ? { ...x, ...patch } : x)));
          return (
            <fieldset class="day-hours exception" key={index}>
              <legend>Date {index + 1}</legend>
              <div class="interval">
                <InputField label="Date" name={`exceptions[${index}].date`} type="date" value={e.date} onInput={(date) => change({ date })} error={errors[`exceptions[${index}].date`]} />
                <InputField label="Reason" name={`exceptions[${index}].reason`} value={e.reason} onInput={(reason) => change({ reason })} error={errors[`exceptions[${index}].reason`]} maxLength={200} placeholder="e.g. Christmas" />
              </div>
              <CheckField label="Closed all day" checked={closed} onChange={(c) => change(c ? { opens: null, closes: null } : { opens: "10:00", closes: "14:00" })} />
              {!closed && (
                <div class="interval">
                  <InputField label="Opens" name={`exceptions[${index}].opens`} type="time" value={e.opens ?? ""} onInput={(opens) => change({ opens })} error={errors[`exceptions[${index}].opens`]} />
                  <InputField label="Closes" name={`exceptions[${index}].closes`} type="time" value={e.closes ?? ""} onInput={(closes) => change({ closes })} error={errors[`exceptions[${index}].closes`]} />
                </div>
              )}
              <button type="button" class="secondary small" onClick={() => setExceptions(exceptions.filter((_, i) => i !== index))}>
                Remove<span class="visually-hidden"> date {index + 1}</span>
              </button>
            </fieldset>
          );
        })}
        <button type="button" class="link-button" onClick={() => setExceptions([...exceptions, { date: "", opens: null, closes: null, reason: "" }])}>Add a date</button>
      </fieldset>
    </div>
  );
}

/** The request's form of the hours: times as HH:mm, a closed date without times. */
export function hoursRequest(weekly: WeeklyHours[], exceptions: DateException[]) {
  return {
    weeklyHours: weekly.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    exceptions: exceptions.map((e) => ({
      date: e.date,
      opens: e.opens == null && e.closes == null ? undefined : e.opens ?? "",
      closes: e.opens == null && e.closes == null ? undefined : e.closes ?? "",
      reason: e.reason.trim() || undefined,
    })),
  };
}

export { sorted as sortHours };
