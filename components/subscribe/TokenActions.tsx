"use client";
/** Buttons that act with a link's token: confirm, unsubscribe; and the manage form. */
import { useState } from "react";
import type { DigestTopic, Preferences } from "../../lib/schemas/subscriptions";
import { postJson } from "./post-json";
import { TopicsAndLabs } from "./TopicsAndLabs";

type Done = { kind: "idle" | "busy" | "done" | "error"; message?: string; fields: Record<string, string> };

export function ConfirmButton({ token }: { token: string }) {
  const [s, set] = useState<Done>({ kind: "idle", fields: {} });
  if (s.kind === "done") return <p role="status" data-testid="confirm-done">{s.message}</p>;
  return (
    <>
      <button type="button" disabled={s.kind === "busy"} onClick={async () => {
        set({ kind: "busy", fields: {} });
        const r = await postJson<{ alreadyConfirmed: boolean }>("/api/v1/subscriptions/confirm", { token });
        set(r.ok ? { kind: "done", message: r.body.alreadyConfirmed ? "This subscription was already confirmed." : "Confirmed. The next weekly digest is on its way to you.", fields: {} } : { kind: "error", message: r.message, fields: {} });
      }}>Confirm my subscription</button>
      {s.kind === "error" ? <p className="field-error" role="alert">{s.message}</p> : null}
    </>
  );
}

export function UnsubscribeButton({ token }: { token: string }) {
  const [s, set] = useState<Done>({ kind: "idle", fields: {} });
  if (s.kind === "done") return <p role="status" data-testid="unsubscribe-done">{s.message}</p>;
  return (
    <>
      <button type="button" className="danger" disabled={s.kind === "busy"} onClick={async () => {
        set({ kind: "busy", fields: {} });
        const r = await postJson("/api/v1/subscriptions/unsubscribe", { token });
        set(r.ok ? { kind: "done", message: "Unsubscribed. Nothing more will be sent to this address; every earlier link is now void.", fields: {} } : { kind: "error", message: r.message, fields: {} });
      }}>Unsubscribe</button>
      {s.kind === "error" ? <p className="field-error" role="alert">{s.message}</p> : null}
    </>
  );
}

export function PreferencesForm({ token, labs, preferences }: { token: string; labs: { slug: string; name: string }[]; preferences: Preferences }) {
  const [topics, setTopics] = useState<DigestTopic[]>(preferences.topics);
  const [followed, setFollowed] = useState<string[]>(preferences.labs);
  const [s, set] = useState<Done>({ kind: "idle", fields: {} });
  return (
    <form className="panel form" data-testid="preferences-form" onSubmit={async (e) => {
      e.preventDefault();
      set({ kind: "busy", fields: {} });
      const r = await postJson("/api/v1/subscriptions/preferences", { token, topics, labs: followed });
      set(r.ok ? { kind: "done", message: "Saved.", fields: {} } : { kind: "error", message: r.message, fields: r.fields });
    }}>
      <TopicsAndLabs labs={labs} topics={topics} followed={followed} onTopics={setTopics} onFollowed={setFollowed} errors={s.fields} />
      <button type="submit" disabled={s.kind === "busy"}>Save preferences</button>
      {s.kind === "done" ? <p role="status" data-testid="preferences-saved">{s.message}</p> : null}
      {s.kind === "error" ? <p className="field-error" role="alert">{s.message}</p> : null}
    </form>
  );
}
