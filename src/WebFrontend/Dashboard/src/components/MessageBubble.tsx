import { useEffect, useState } from "preact/hooks";
import { fileUrl } from "../api";
import { formatTime } from "../format";
import type { Delivery, Message } from "../types";

// Every piece of text a customer (or anyone) wrote is rendered as a text node by Preact: no
// dangerouslySetInnerHTML anywhere in this app, and links are only ever http(s) URLs.

function safeUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const deliveryText: Record<Delivery, string> = {
  queued: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Failed",
};

const deliveryMark: Record<Delivery, string> = {
  queued: "🕓",
  sent: "✓",
  delivered: "✓✓",
  read: "✓✓",
  failed: "!",
};

function Ticks({ message }: { message: Message }) {
  const delivery = message.delivery;
  if (!delivery) return null;
  return (
    <span class={`ticks ${delivery}`} data-delivery={delivery} title={deliveryText[delivery]} aria-label={deliveryText[delivery]} role="img">
      {deliveryMark[delivery]}
    </span>
  );
}

/** Our stored copy of a file, fetched with the employee's token into an object URL (freed when the bubble goes). */
function useStoredFile(id: string | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let made: string | null = null;
    let gone = false;
    fileUrl(`/api/media/${encodeURIComponent(id)}`).then((u) => {
      if (gone) URL.revokeObjectURL(u);
      else setUrl((made = u));
    }, () => undefined);
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id]);
  return url;
}

/** A stored document: fetched with the token when asked for, then saved under its name. */
function StoredDownload({ id, name }: { id: string; name: string }) {
  const [failed, setFailed] = useState(false);
  async function download() {
    try {
      const url = await fileUrl(`/api/media/${encodeURIComponent(id)}`);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = name;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    }
  }
  return (
    <>
      <button type="button" class="link-button" onClick={() => void download()}>{name}</button>
      {failed && <span class="error"> (could not be downloaded)</span>}
    </>
  );
}

function Content({ message }: { message: Message }) {
  const content = message.content;
  const kind = content?.kind ?? message.kind;
  const text = content?.text ?? message.body ?? null;
  const media = content?.media;
  const stored = useStoredFile(media && !media.link && kind !== "document" ? media.storedMediaId : null);
  const link = safeUrl(media?.link) ?? stored;

  switch (kind) {
    case "image":
    case "sticker":
      return (
        <>
          {link ? <img class="media" src={link} alt={text || "Image from the chat"} loading="lazy" /> : <p class="media-missing">📷 {kind === "sticker" ? "Sticker" : "Photo"} (no preview available)</p>}
          {text && <p class="text">{text}</p>}
        </>
      );
    case "video":
      return (
        <>
          {link ? <video class="media" src={link} controls preload="metadata" /> : <p class="media-missing">🎬 Video (no preview available)</p>}
          {text && <p class="text">{text}</p>}
        </>
      );
    case "audio":
      return (
        <>
          {link ? <audio src={link} controls preload="metadata" aria-label={media?.isVoice ? "Voice message" : "Audio"} /> : <p class="media-missing">🎤 {media?.isVoice ? "Voice message" : "Audio"} (no preview available)</p>}
          {media?.transcript ? (
            <p class="text transcript" title="Transcript">“{media.transcript}”</p>
          ) : media?.transcriptionState === "off" ? (
            <p class="meta">Transcription is off for this business</p>
          ) : media?.transcriptionState === "failed" ? (
            <p class="meta">The voice note could not be transcribed</p>
          ) : null}
        </>
      );
    case "document": {
      const name = media?.fileName || "Document";
      return (
        <>
          <p class="document">
            📄 {link ? <a href={link} target="_blank" rel="noopener noreferrer">{name}</a>
              : media?.storedMediaId ? <StoredDownload id={media.storedMediaId} name={name} />
              : <span>{name}</span>}
            {media?.mimeType && <span class="meta"> · {media.mimeType}</span>}
          </p>
          {text && <p class="text">{text}</p>}
        </>
      );
    }
    case "location": {
      const location = content?.location;
      if (!location) return <p class="text">📍 Location</p>;
      const map = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=16/${location.latitude}/${location.longitude}`;
      return (
        <div class="location">
          <p class="text">📍 {location.name || "Location"}</p>
          {location.address && <p class="meta">{location.address}</p>}
          <a href={map} target="_blank" rel="noopener noreferrer">
            Open map ({location.latitude.toFixed(5)}, {location.longitude.toFixed(5)})
          </a>
        </div>
      );
    }
    case "contacts":
      return (
        <ul class="contacts">
          {(content?.contacts ?? []).map((c, i) => (
            <li key={i}>
              👤 <strong>{c.name}</strong>
              {c.phones.length > 0 && <span> · {c.phones.join(", ")}</span>}
              {c.emails.length > 0 && <span> · {c.emails.join(", ")}</span>}
            </li>
          ))}
        </ul>
      );
    case "interactive":
    case "button":
      return <p class="text">↩ {content?.reply?.title ?? text ?? "Reply"}</p>;
    case "template": {
      const template = content?.template;
      return (
        <div class="template">
          <p class="meta">Template {template ? `${template.name} (${template.language})` : ""}</p>
          {text ? <p class="text">{text}</p> : template && template.parameters.length > 0 && <p class="text">{template.parameters.join(" · ")}</p>}
        </div>
      );
    }
    case "reaction":
      return <p class="text">Reacted {content?.reaction?.emoji ?? ""}</p>;
    case "text":
      return <p class="text">{text}</p>;
    default:
      return <p class="text">{text ?? `Unsupported message (${kind})`}</p>;
  }
}

const senderName: Record<string, string> = { customer: "Customer", assistant: "Assistant", employee: "Agent", system: "System" };

export function MessageBubble({ message }: { message: Message }) {
  const reactions = (message.reactions ?? []).filter((r) => r.emoji);
  return (
    <li
      class={`bubble ${message.direction} sender-${message.sender} ${message.delivery === "failed" ? "failed" : ""}`}
      data-sequence={message.sequence}
      data-message-id={message.id}
    >
      {message.direction === "outbound" && <span class="sender">{senderName[message.sender] ?? message.sender}</span>}
      <Content message={message} />
      <span class="footer">
        <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
        <Ticks message={message} />
      </span>
      {message.delivery === "failed" && (
        <p class="delivery-error" role="note">
          Not delivered{message.deliveryErrorTitle ? `: ${message.deliveryErrorTitle}` : ""}
          {message.deliveryErrorCode ? ` (code ${message.deliveryErrorCode})` : ""}
        </p>
      )}
      {reactions.length > 0 && (
        <span class="reactions" aria-label="Reactions">{reactions.map((r) => r.emoji).join(" ")}</span>
      )}
    </li>
  );
}
