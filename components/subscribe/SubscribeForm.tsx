"use client";
/** The subscribe form: POST /api/v1/subscriptions, then "check your inbox". */
import { useState } from "react";
import { DIGEST_TOPICS } from "../../lib/domain";
import type { DigestTopic } from "../../lib/schemas/subscriptions";
import { postJson } from "./post-json";
import { TopicsAndLabs } from "./TopicsAndLabs";

export function SubscribeForm({ labs }: { labs: { slug: string; name: string }[] }) {
  const [email, setEmail] = useState("");
  const [topics, setTopics] = useState<DigestTopic[]>([...DIGEST_TOPICS]);
  const [followed, setFollowed] = useState<string[]>([]);
  const [state, setState] = useState<{ kind: "idle" | "sending" | "sent" | "error"; message?: string; fields: Record<string, string> }>({ kind: "idle", fields: {} });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setState({ kind: "sending", fields: {} });
    const r = await postJson<{ message: string }>("/api/v1/subscriptions", { email, topics, labs: followed });
    setState(r.ok ? { kind: "sent", message: r.body.message, fields: {} } : { kind: "error", message: r.message, fields: r.fields });
  }

  if (state.kind === "sent") {
    return <p className="panel" role="status" data-testid="subscribe-sent">{state.message}</p>;
  }
  return (
    <form className="panel form" onSubmit={submit} noValidate data-testid="subscribe-form">
      <label htmlFor="email">Email address</label>
      <input id="email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={state.fields.email ? true : undefined} aria-describedby={state.fields.email ? "email-error" : undefined} />
      {state.fields.email ? <p id="email-error" className="field-error" role="alert">{state.fields.email}</p> : null}
      <TopicsAndLabs labs={labs} topics={topics} followed={followed} onTopics={setTopics} onFollowed={setFollowed} errors={state.fields} />
      {state.kind === "error" ? <p className="field-error" role="alert" data-testid="subscribe-error">{state.message}</p> : null}
      <button type="submit" disabled={state.kind === "sending"}>{state.kind === "sending" ? "Sending…" : "Subscribe"}</button>
      <p className="muted">Double opt-in: we email you a link, and send nothing until you follow it. Every digest carries a one-click unsubscribe.</p>
    </form>
  );
}
