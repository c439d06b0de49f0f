import { describe, expect, it } from "vitest";
import { useCuratedAnalytics } from "../testing/analytics";
import { countRows, uniqueTag, useTestDatabase } from "../testing/db";
import { refreshAnalytics } from "./refresh-analytics";
import { answersStored, getAnalyticsVersion, plainCodec, readThrough } from "./result-cache";

const { pool } = useTestDatabase();

useCuratedAnalytics();

describe("an answer being computed", () => {
  it("is computed once for concurrent readers, returned before it is stored, then read from the table", async () => {
    await refreshAnalytics(pool());
    const version = await getAnalyticsVersion();
    const kind = uniqueTag("once");
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const compute = async () => {
      calls++;
      await gate;
      return { value: 42 };
    };
    const reads = [readThrough(version, kind, { a: 1 }, compute, plainCodec()), readThrough(version, kind, { a: 1 }, compute, plainCodec())];
    // the second reader waits on the first one's computation
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
    release();
    expect(await Promise.all(reads)).toEqual([{ value: 42 }, { value: 42 }]);
    await answersStored();
    expect(await countRows(`SELECT 1 FROM analytics_results WHERE key LIKE $1 AND refresh_id = $2`, [`${kind}:%`, version.refreshId])).toBe(1);
    // stored: a later reader does not compute
    expect(await readThrough(version, kind, { a: 1 }, compute, plainCodec())).toEqual({ value: 42 });
    expect(calls).toBe(1);
    // a failed computation is not kept: the next reader computes again
    const failing = readThrough(version, kind, { a: 2 }, async () => { throw new Error("boom"); }, plainCodec());
    await expect(failing).rejects.toThrow("boom");
    expect(await readThrough(version, kind, { a: 2 }, async () => ({ value: 7 }), plainCodec())).toEqual({ value: 7 });
    await answersStored();
  });
});
