import { useEffect, useRef, useState } from "preact/hooks";

// A small set people reach for in customer service; no library needed for a grid of characters.
const emoji: [string, string][] = [
  ["😀", "grinning face"], ["😊", "smiling face"], ["😂", "tears of joy"], ["🙂", "slightly smiling face"], ["😉", "winking face"], ["😍", "heart eyes"],
  ["🤔", "thinking face"], ["😅", "sweat smile"], ["😢", "crying face"], ["😮", "surprised face"], ["🙏", "folded hands"], ["👍", "thumbs up"],
  ["👎", "thumbs down"], ["👏", "clapping hands"], ["👋", "waving hand"], ["🙌", "raised hands"], ["💪", "flexed biceps"], ["🤝", "handshake"],
  ["❤️", "red heart"], ["💚", "green heart"], ["✨", "sparkles"], ["🎉", "party popper"], ["🔥", "fire"], ["⭐", "star"],
  ["✅", "check mark"], ["❌", "cross mark"], ["⚠️", "warning"], ["❓", "question mark"], ["📅", "calendar"], ["⏰", "alarm clock"],
  ["📍", "pin"], ["📞", "telephone"], ["📧", "e-mail"], ["💳", "credit card"], ["💶", "euro banknote"], ["🎁", "gift"],
  ["☕", "coffee"], ["🍰", "cake"], ["🌸", "blossom"], ["☀️", "sun"], ["🌙", "moon"], ["🚗", "car"],
];

const columns = 6;

type Props = { onPick: (emoji: string) => void; onClose: () => void };

/**
 * The emoji grid: arrow keys move (a roving tab stop, so Tab leaves the grid), Enter or Space inserts, Escape closes.
 * Each emoji is a button named in words for screen readers.
 */
export function EmojiPicker({ onPick, onClose }: Props) {
  const [active, setActive] = useState(0);
  const grid = useRef<HTMLDivElement>(null);

  // Focus moves at once, in the key handler: a focus deferred to an effect could land after the next key and undo it.
  function focusAt(index: number) {
    setActive(index);
    grid.current?.querySelector<HTMLButtonElement>(`[data-index="${index}"]`)?.focus();
  }

  useEffect(() => focusAt(0), []);

  useEffect(() => {
    const close = (event: Event) => {
      if (grid.current && !event.composedPath().includes(grid.current.parentElement!)) onClose();
    };
    document.addEventListener("click", close);
    return () => document.removeEventListener("click", close);
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
    const at = Number((document.activeElement as HTMLElement | null)?.dataset.index ?? active);
    if (event.key in moves) {
      event.preventDefault();
      focusAt(Math.min(emoji.length - 1, Math.max(0, at + moves[event.key])));
    } else if (event.key === "Home") {
      event.preventDefault();
      focusAt(0);
    } else if (event.key === "End") {
      event.preventDefault();
      focusAt(emoji.length - 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div class="emoji-picker" role="dialog" aria-label="Emoji">
      <div ref={grid} class="emoji-grid" role="group" aria-label="Choose an emoji" onKeyDown={onKeyDown}>
        {emoji.map(([character, name], i) => (
          <button key={character} type="button" class="emoji" data-index={i} tabIndex={i === active ? 0 : -1} aria-label={name} title={name}
            onClick={() => onPick(character)} onFocus={() => setActive(i)}>
            <span aria-hidden="true">{character}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
