"use client";
/** The preference fields shared by the subscribe and manage forms. */
import { DIGEST_TOPICS } from "../../lib/domain";
import type { DigestTopic } from "../../lib/schemas/subscriptions";

export const TOPIC_LABELS: Record<DigestTopic, string> = {
  prices: "Price cuts and rises",
  releases: "New releases",
  benchmarks: "New benchmark leaders",
  "open-vs-proprietary": "Open vs proprietary gap",
};

export function TopicsAndLabs(props: {
  labs: { slug: string; name: string }[];
  topics: DigestTopic[];
  followed: string[];
  onTopics(t: DigestTopic[]): void;
  onFollowed(l: string[]): void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <fieldset>
        <legend>Topics</legend>
        {DIGEST_TOPICS.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              name="topics"
              value={t}
              checked={props.topics.includes(t)}
              onChange={(e) => props.onTopics(e.target.checked ? [...props.topics, t] : props.topics.filter((x) => x !== t))}
            />
            {TOPIC_LABELS[t]}
          </label>
        ))}
        {props.errors.topics ? <p className="field-error" role="alert">{props.errors.topics}</p> : null}
      </fieldset>
      <label htmlFor="labs">Labs to follow (none selected: every lab)</label>
      <select
        id="labs"
        name="labs"
        multiple
        size={8}
        value={props.followed}
        onChange={(e) => props.onFollowed([...e.target.selectedOptions].map((o) => o.value))}
        aria-describedby={props.errors.labs ? "labs-error" : undefined}
      >
        {props.labs.map((l) => (
          <option key={l.slug} value={l.slug}>{l.name}</option>
        ))}
      </select>
      {props.errors.labs ? <p id="labs-error" className="field-error" role="alert">{props.errors.labs}</p> : null}
    </>
  );
}
