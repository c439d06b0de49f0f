/** The double opt-in email: one link that confirms, nothing sent before it is followed. */
export interface ConfirmationEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function confirmationEmail(input: { confirmUrl: string; expiresHours: number; alreadyConfirmed?: { manageUrl: string } }): ConfirmationEmail {
  if (input.alreadyConfirmed) {
    const url = input.alreadyConfirmed.manageUrl;
    return {
      subject: "Your FrontierWatch weekly digest subscription",
      text: `This address is already subscribed to the FrontierWatch weekly digest.\n\nChange what you receive, or unsubscribe:\n${url}\n\nIf you did not ask for this, ignore this email.\n`,
      html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#111"><tr><td style="padding:24px">
<p>This address is already subscribed to the FrontierWatch weekly digest.</p>
<p><a href="${escapeHtml(url)}" style="color:#0b5cad">Change what you receive, or unsubscribe</a></p>
<p style="color:#555;font-size:13px">If you did not ask for this, ignore this email.</p></td></tr></table>`,
    };
  }
  const url = input.confirmUrl;
  return {
    subject: "Confirm your FrontierWatch weekly digest subscription",
    text: `Someone (hopefully you) asked to receive the FrontierWatch weekly digest at this address.\n\nConfirm the subscription (the link works for ${input.expiresHours} hours):\n${url}\n\nNothing will be sent unless you confirm. If you did not ask for this, ignore this email.\n`,
    html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#111"><tr><td style="padding:24px">
<p>Someone (hopefully you) asked to receive the FrontierWatch weekly digest at this address.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#0b5cad;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">Confirm the subscription</a></p>
<p style="color:#555;font-size:13px">The link works for ${input.expiresHours} hours. Nothing will be sent unless you confirm. If you did not ask for this, ignore this email.</p></td></tr></table>`,
  };
}
