/**
 * The reminder email (pure, so its content is tested without an SMTP server): the reminder's
 * message, then how to pay it by bank app — the VietQR as an inline image (a `cid:` attachment,
 * which mail clients show without loading remote images) and the same bank, account, amount and
 * purpose written out for typing — and a link to the loan in the cooperative's portal.
 */
export interface ReminderPayment {
  bankName: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  amount: string;
  purpose: string;
  payload: string;
  png: Buffer;
  demo: boolean;
}

export interface ReminderEmailInput {
  fundName: string;
  message: string;
  loanUrl: string;
  payment: ReminderPayment | null;
}

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
  attachments: Array<{ filename: string; content: Buffer; contentType: string; cid: string }>;
}

export const QR_CID = 'vietqr@quyhtx';

/** 1234567 → 1.234.567 (Vietnamese grouping), from the decimal string. */
function vnd(amount: string): string {
  return amount.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function reminderEmail(input: ReminderEmailInput): ReminderEmail {
  const p = input.payment;
  const payLines = p
    ? [
        '',
        'Trả nợ bằng ứng dụng ngân hàng: quét mã VietQR đính kèm, hoặc chuyển khoản:',
        `  Ngân hàng: ${p.bankName}`,
        `  Số tài khoản: ${p.accountNumber}`,
        `  Chủ tài khoản: ${p.accountName}`,
        `  Số tiền: ${vnd(p.amount)} đồng`,
        `  Nội dung: ${p.purpose}`,
        ...(p.demo ? ['  (Tài khoản minh họa: không chuyển tiền thật.)'] : []),
      ]
    : [];
  const text = [input.message, ...payLines, '', `Xem khoản vay: ${input.loanUrl}`].join('\n');
  const row = (label: string, value: string): string =>
    `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0"><b>${escapeHtml(value)}</b></td></tr>`;
  const html = [
    `<p>${escapeHtml(input.message)}</p>`,
    p
      ? `<p>Trả nợ bằng ứng dụng ngân hàng: quét mã VietQR, hoặc chuyển khoản theo thông tin bên cạnh.</p>
<table role="presentation"><tr><td style="vertical-align:top;padding-right:16px"><img src="cid:${QR_CID}" width="200" height="200" alt="Mã VietQR ${escapeHtml(p.purpose)} ${escapeHtml(vnd(p.amount))} đồng"></td>
<td style="vertical-align:top"><table role="presentation">${row('Ngân hàng', p.bankName)}${row('Số tài khoản', p.accountNumber)}${row('Chủ tài khoản', p.accountName)}${row('Số tiền', `${vnd(p.amount)} đồng`)}${row('Nội dung', p.purpose)}</table>${p.demo ? '<p style="color:#b00020">Tài khoản minh họa: không chuyển tiền thật.</p>' : ''}</td></tr></table>`
      : '',
    `<p><a href="${escapeHtml(input.loanUrl)}">Xem khoản vay</a></p>`,
  ].join('\n');
  return {
    subject: `${input.fundName}: nhắc nợ`,
    text,
    html,
    attachments: p ? [{ filename: 'vietqr.png', content: p.png, contentType: 'image/png', cid: QR_CID }] : [],
  };
}

export interface CollateralExpiryEmailInput {
  fundName: string;
  /** The reminder's own Vietnamese message, as the portal shows it. */
  message: string;
  /** The cooperative's portal, whose home page lists the reminder. */
  portalUrl: string;
}

/**
 * The e-mail of a collateral expiry reminder addressed to the borrower (docs/collateral.md
 * "Registration, insurance, expiries"): the message and what to do, no payment (nothing is due).
 * Vietnamese like the installment reminder, the language of the fund's borrowers.
 */
export function collateralExpiryEmail(input: CollateralExpiryEmailInput): ReminderEmail {
  const action = 'Đề nghị hợp tác xã liên hệ cán bộ tín dụng của Quỹ để bổ sung hồ sơ tài sản bảo đảm.';
  return {
    subject: `${input.fundName}: nhắc hạn tài sản bảo đảm`,
    text: [input.message, action, '', `Xem trên cổng thông tin: ${input.portalUrl}`].join('\n'),
    html: [
      `<p>${escapeHtml(input.message)}</p>`,
      `<p>${escapeHtml(action)}</p>`,
      `<p><a href="${escapeHtml(input.portalUrl)}">Xem trên cổng thông tin</a></p>`,
    ].join('\n'),
    attachments: [],
  };
}
