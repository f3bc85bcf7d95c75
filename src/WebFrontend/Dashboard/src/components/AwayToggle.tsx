import { useEffect, useState } from "preact/hooks";
import { employee } from "../session";
import { liveState, setAway } from "../live";
import { PresenceDot, followPresence, presenceOf } from "../presence";

/** "Set me away" / "Set me available": the signed-in employee's own presence, as colleagues see it in the presence dots. */
export function AwayToggle() {
  useEffect(() => followPresence(), []);
  const [busy, setBusy] = useState(false);
  const me = presenceOf(employee.value?.id)?.presence ?? (liveState.value === "online" ? "online" : "offline");
  const away = me === "away";
  return (
    <span class="away-toggle">
      <PresenceDot presence={me} />
      <button
        type="button"
        class="link-button"
        data-testid="away-toggle"
        disabled={busy || liveState.value !== "online"}
        onClick={async () => {
          setBusy(true);
          try {
            await setAway(!away);
          } finally {
            setBusy(false);
          }
        }}
      >
        {away ? "Set me available" : "Set me away"}
      </button>
    </span>
  );
}
