import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";

type Props = {
  label: string;
  name: string;
  value: string;
  onInput: (value: string) => void;
  type?: string;
  error?: string;
  hint?: ComponentChildren;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  autoFocus?: boolean;
  minLength?: number;
};

/** A labelled input whose error is announced and tied to it (aria-describedby). */
export function Field(props: Props) {
  const id = useId();
  const describedBy = [props.error ? `${id}-error` : "", props.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        required={props.required}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        minLength={props.minLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
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
};

export function Select(props: SelectProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}

/** A form-level error (the problem's title and detail), announced to screen readers. */
export function FormError({ error }: { error?: string | null }) {
  return error ? <div class="form-error" role="alert">{error}</div> : null;
}
