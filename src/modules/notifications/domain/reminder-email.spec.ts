import { describe, expect, it } from '@jest/globals';
import { QR_CID, collateralExpiryEmail, reminderEmail } from './reminder-email.js';

describe('reminder email', () => {
  const payment = {
    bankName: 'Agribank',
    bankBin: '970405',
    accountNumber: '8888000019999',
    accountName: 'QUY HO TRO PHAT TRIEN HTX',
    amount: '103057534',
    purpose: 'HDTD-2025-000001',
    payload: '000201…',
    png: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    demo: false,
  };

  it('carries the VietQR inline and the transfer written out', () => {
    const m = reminderEmail({
      fundName: 'Quỹ HTX',
      message: 'Kỳ 1 của hợp đồng HĐTD-2025-000001 đến hạn <10/04>.',
      loanUrl: 'https://quy.example/loans/12',
      payment,
    });
    expect(m.subject).toBe('Quỹ HTX: nhắc nợ');
    expect(m.text).toContain('Số tiền: 103.057.534 đồng');
    expect(m.text).toContain('Nội dung: HDTD-2025-000001');
    expect(m.text).toContain('Số tài khoản: 8888000019999');
    expect(m.text).toContain('https://quy.example/loans/12');
    expect(m.html).toContain(`src="cid:${QR_CID}"`);
    expect(m.html).toContain('&lt;10/04&gt;');
    expect(m.attachments).toEqual([{ filename: 'vietqr.png', content: payment.png, contentType: 'image/png', cid: QR_CID }]);
    expect(m.text).not.toContain('minh họa');
  });

  it('says when the account is the demo one, and sends the message alone without a payment', () => {
    expect(reminderEmail({ fundName: 'Q', message: 'm', loanUrl: 'u', payment: { ...payment, demo: true } }).text).toContain('Tài khoản minh họa');
    const bare = reminderEmail({ fundName: 'Q', message: 'm', loanUrl: 'u', payment: null });
    expect(bare.attachments).toEqual([]);
    expect(bare.html).not.toContain('cid:');
  });
});

describe('collateral expiry email', () => {
  it('carries the reminder, what to do and the portal, without a payment', () => {
    const m = collateralExpiryEmail({
      fundName: 'Quỹ HTX',
      message: 'Bảo hiểm tài sản bảo đảm "Nhà <xưởng>" hết hạn ngày 2025-06-20: cần gia hạn hợp đồng bảo hiểm.',
      portalUrl: 'https://quy.example/',
    });
    expect(m.subject).toBe('Quỹ HTX: nhắc hạn tài sản bảo đảm');
    expect(m.text.split('\n')).toEqual([
      'Bảo hiểm tài sản bảo đảm "Nhà <xưởng>" hết hạn ngày 2025-06-20: cần gia hạn hợp đồng bảo hiểm.',
      'Đề nghị hợp tác xã liên hệ cán bộ tín dụng của Quỹ để bổ sung hồ sơ tài sản bảo đảm.',
      '',
      'Xem trên cổng thông tin: https://quy.example/',
    ]);
    expect(m.html).toContain('&quot;Nhà &lt;xưởng&gt;&quot;');
    expect(m.html).toContain('href="https://quy.example/"');
    expect(m.attachments).toEqual([]);
  });
});
