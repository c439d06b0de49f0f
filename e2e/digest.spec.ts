import { expect, test } from "@playwright/test";
import { startSmtpCapture, type SmtpCapture } from "../lib/testing/smtp-capture";
import { expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { SMTP_PORT } from "./support/ports";

const ADMIN = { Authorization: "Bearer e2e-admin-token-0123456789" };
let smtp: SmtpCapture;
test.beforeAll(async () => {
  smtp = await startSmtpCapture(SMTP_PORT);
});
test.afterAll(async () => smtp?.close());

const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0];
async function waitForMail(to: string, count = 1) {
  await expect.poll(() => smtp.messages.filter((m) => m.envelopeTo.includes(to)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
  return smtp.messages.filter((m) => m.envelopeTo.includes(to));
}

test.describe("the weekly digest", () => {
  test("the worker sends the week's digest to a confirmed subscriber, whose one-click link unsubscribes; the archive shows it", async ({ request, page }, testInfo) => {
    const email = `e2e-digest-${Date.now().toString(36)}@example.org`;
    expect((await request.post("/api/v1/subscriptions", { data: { email, topics: ["prices", "open-vs-proprietary"] } })).status()).toBe(202);
    const confirm = linkIn((await waitForMail(email))[0]!.parsed.text!, "/subscribe/confirm")!;
    expect((await request.post("/api/v1/subscriptions/confirm", { data: { token: new URL(confirm).searchParams.get("token") } })).ok()).toBe(true);

    // the admin route queues the job; the worker builds and sends it over SMTP
    expect((await request.post("/api/v1/admin/digest/send", { data: { week: "2025-06-09" } })).status()).toBe(401);
    const queued = await request.post("/api/v1/admin/digest/send", { headers: ADMIN, data: { week: "2025-06-11" } });
    expect(queued.status()).toBe(202);
    const digest = (await waitForMail(email, 2))[1]!;
    expect(digest.parsed.subject).toMatch(/^FrontierWatch 2025-06-09 – 2025-06-15: /);
    expect(digest.parsed.text).toContain("o3 on OpenAI API, 2025-06-10");
    expect(digest.parsed.text).toContain("OPEN VS PROPRIETARY");
    expect(digest.parsed.text).not.toContain("NEW RELEASES"); // not among this subscriber's topics
    const header = (name: string) => digest.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, "");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = header("list-unsubscribe")!.slice(1, -1);
    // the links in the email work against the running app
    const manage = linkIn(digest.parsed.text!, "/subscribe/manage")!;
    await page.goto(manage);
    await expect(page.getByText(email)).toBeVisible();
    const oneClick = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);
    await page.goto(manage);
    await expect(page.getByTestId("link-problem")).toBeVisible();

    // sending the same week again sends this subscriber nothing more
    await request.post("/api/v1/admin/digest/send", { headers: ADMIN, data: { week: "2025-06-12" } });
    await page.waitForTimeout(3000);
    expect(smtp.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(2);

    await page.goto("/digest");
    await expect(page.getByTestId("digest-archive")).toContainText("2025-06-09");
    await expectNoSeriousA11yViolations(page, testInfo);
    await page.getByRole("link", { name: "2025-06-09" }).click();
    await expect(page).toHaveURL(/\/digest\/2025-06-09$/);
    await expect(page.frameLocator("iframe[data-testid=digest-email]").getByText("Biggest price cuts")).toBeVisible();
    await keepScreenshot(page, testInfo, "digest-week");
    expect((await request.get("/digest/2025-06-08")).status()).toBe(404);
  });

  test("the preview renders for chosen preferences; a subscriber's needs the admin token", async ({ request }) => {
    const html = await (await request.get("/digest/preview?as_of=2025-06-15")).text();
    // the one chart: a PNG rendered on the server (inline by Content-ID in mail, a data: URL here), with alt text
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{2000,}" alt="The cheapest GPT-4-level model, over three years \(MMLU ≥ 86\.4/);
    const text = await (await request.get("/digest/preview?as_of=2025-06-15&format=text&topics=releases&labs=openai")).text();
    expect(text).toContain("NEW RELEASES");
    expect(text).toContain("o3-pro");
    expect(text).not.toContain("Magistral");
    expect(text).not.toContain("BIGGEST PRICE CUTS");
    expect((await request.get("/digest/preview?subscriber=1")).status()).toBe(401);
    const unknown = await request.get("/digest/preview?subscriber=999999", { headers: ADMIN });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.details[0].field).toBe("subscriber");
    const bad = await request.get("/digest/preview?topics=gossip");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details[0].field).toMatch(/^topics/);
  });
});
