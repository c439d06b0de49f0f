import { expect, test } from "@playwright/test";
import { startSmtpCapture, type SmtpCapture } from "../lib/testing/smtp-capture";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, keepScreenshot } from "./support/checks";
import { SMTP_PORT } from "./support/ports";

let smtp: SmtpCapture;
test.beforeAll(async () => {
  smtp = await startSmtpCapture(SMTP_PORT);
});
test.afterAll(async () => smtp?.close());

const linkIn = (text: string, path: string) => text.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0];
const unique = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.org`;

test.describe("digest subscription (double opt-in)", () => {
  test("subscribe in the browser, confirm from the email, manage, and leave with one click", async ({ page, request }, testInfo) => {
    const email = unique();
    await page.goto("/subscribe");
    await expectNoSeriousA11yViolations(page, testInfo);
    await keepScreenshot(page, testInfo, "subscribe");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("New benchmark leaders").uncheck();
    await page.getByLabel(/Labs to follow/).selectOption(["openai", "deepseek"]);
    const before = smtp.messages.length;
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByTestId("subscribe-sent")).toContainText("confirmation link");

    // the confirmation email: real SMTP, parsed by a real mail parser
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.envelopeTo).toEqual([email]);
    expect(mail!.parsed.subject).toBe("Confirm your FrontierWatch weekly digest subscription");
    expect(mail!.parsed.text).toBeTruthy();
    expect(mail!.parsed.html).toBeTruthy();
    const confirmUrl = linkIn(mail!.parsed.text!, "/subscribe/confirm")!;
    expect(confirmUrl.startsWith(`${test.info().project.use.baseURL}/subscribe/confirm?token=`)).toBe(true);

    // following the link shows a button; opening it alone changes nothing
    await page.goto(confirmUrl);
    await expect(page.getByText(email)).toBeVisible();
    await keepScreenshot(page, testInfo, "subscribe-confirm");
    await page.getByRole("button", { name: "Confirm my subscription" }).click();
    await expect(page.getByTestId("confirm-done")).toContainText("Confirmed");
    const again = await request.post("/api/v1/subscriptions/confirm", { data: { token: new URL(confirmUrl).searchParams.get("token") } });
    expect(await again.json()).toMatchObject({ status: "confirmed", alreadyConfirmed: true, preferences: { labs: ["deepseek", "openai"], topics: ["prices", "releases", "open-vs-proprietary"] } });

    // asking again mails a manage link instead of a second confirmation
    const n = smtp.messages.length;
    expect((await request.post("/api/v1/subscriptions", { data: { email } })).status()).toBe(202);
    const manageUrl = linkIn((await smtp.waitFor(n + 1))[n]!.parsed.text!, "/subscribe/manage")!;
    await page.goto(manageUrl);
    await page.getByLabel("Price cuts and rises").uncheck();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByTestId("preferences-saved")).toBeVisible();
    await expectNoSeriousA11yViolations(page, testInfo);

    // one-click unsubscribe as a mail client does it (RFC 8058): POST to the URL, form body
    const token = new URL(manageUrl).searchParams.get("token")!;
    const oneClick = await request.post(`/api/v1/subscriptions/unsubscribe?token=${token}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);
    expect(await oneClick.json()).toMatchObject({ status: "unsubscribed" });
    // every earlier link is void now
    await page.goto(manageUrl);
    await expect(page.getByTestId("link-problem")).toContainText("no longer valid");
    const replay = await request.post(`/api/v1/subscriptions/unsubscribe?token=${token}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(replay.status()).toBe(403);
    expect((await replay.json()).error.code).toBe("forbidden");
  });

  test("a browser opening the unsubscribe URL gets a page with a button, not a silent change", async ({ page }) => {
    await page.goto("/api/v1/subscriptions/unsubscribe?token=aaaaaaaaaa.bbbbbbbbbb");
    await expect(page).toHaveURL(/\/subscribe\/unsubscribe\?token=/);
    await expect(page.getByTestId("link-problem")).toContainText("not issued by FrontierWatch");
  });

  test("bad input gets a clear error naming the field, and sends nothing", async ({ request, page }) => {
    const before = smtp.messages.length;
    const cases: [unknown, string][] = [
      [{ email: "victim@example.org\r\nBcc: everyone@example.org" }, "email"],
      [{ email: "not-an-address" }, "email"],
      [{ email: unique(), topics: ["gossip"] }, "topics.0"],
      [{ email: unique(), labs: ["no-such-lab"] }, "labs"],
      [{ email: unique(), extra: 1 }, "extra"],
      [{ email: "x".repeat(10_000) }, "email"],
    ];
    for (const [data, field] of cases) {
      const res = await request.post("/api/v1/subscriptions", { data });
      expect(res.status(), JSON.stringify(data).slice(0, 80)).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const notJson = await request.post("/api/v1/subscriptions", { headers: { "Content-Type": "application/json" }, data: "{oops" });
    expect(notJson.status()).toBe(400);
    const forged = await request.post("/api/v1/subscriptions/confirm", { data: { token: "eyJwIjoiY29uZmlybSJ9.c2lnbmF0dXJlLWZvcmdlZA" } });
    expect(forged.status()).toBe(403);
    expect(smtp.messages.length).toBe(before);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/subscribe");
    await page.getByLabel("Email address").fill("not-an-address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.locator("#email-error")).toContainText("not a valid email address");
    await expectNoHorizontalScroll(page);
  });
});
