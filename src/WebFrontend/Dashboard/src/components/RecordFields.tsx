import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

type InputProps = {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  error?: string;
  hint?: ComponentChildren;
  required?: boolean;
  disabled?: boolean;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: "numeric" | "decimal" | "text" | "tel" | "email" | "search";
  min?: string | number;
  max?: string | number;
  step?: string | number;
  maxLength?: number;
  /** A textarea instead of an input. */
  multiline?: boolean;
  rows?: number;
  class?: string;
  /** A name for screen readers when the visible label is short ("Opens" in a row for Monday). */
  ariaLabel?: string;
};

/** A labelled input (or textarea) with its hint and error tied to it, like Field, with the extras forms of records need. */
export function InputField(props: InputProps) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    "aria-label": props.ariaLabel,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div class={`field ${props.class ?? ""}`}>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          step={props.step}
          onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p class="error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

type CheckProps = {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
  disabled?: boolean;
  error?: string;
  hint?: string;
};

export function CheckField(props: CheckProps) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field check-field">
      <label class="checkbox" for={id}>
        <input
          id={id}
          type="checkbox"
          name={props.name}
          checked={props.checked}
          disabled={props.disabled}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        {props.label}
      </label>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p class="error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

type SelectProps = {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
  error?: string;
  hint?: string;
  disabled?: boolean;
  class?: string;
};

export function SelectField(props: SelectProps) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field ${props.class ?? ""}`}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
      {props.hint && <p class="hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p class="error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}

/** A status line that screen readers announce (saved, imported…). */
export function Status({ text }: { text: string | null }) {
  return text ? <p class="notice" role="status">{text}</p> : null;
}

/** The VIP mark beside a customer's name. */
export function VipBadge() {
  return <span class="vip-badge" data-testid="vip">VIP</span>;
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags tag-list" aria-label="Tags">
      {tags.map((t) => <li class="tag" key={t}>{t}</li>)}
    </ul>
  );
}
