// Signed WhatsApp webhook deliveries, built once before timing: the real payload shape, one or
// more messages per POST, signed with the app secret over the exact bytes sent.
import { createHmac } from 'node:crypto';

export const appSecret = 'bench-app-secret';
export const phoneNumberId = '109876543210987';
export const displayNumber = '81312345678';

export interface Delivery {
  body: Buffer;
  signature: string;
  messages: number;
}

export function deliveries(count: number, perPost: number, prefix: string): Delivery[] {
  const out: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const messages = Array.from({ length: perPost }, (_, j) => ({
      from: `8190${String(10000000 + ((i * perPost + j) % 500))}`,
      id: `wamid.${prefix}.${i}.${j}`,
      timestamp: String(1767225600 + i),
      type: 'text',
      text: { body: `message ${i}.${j}: where is my order?` },
    }));
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'WABA_ID',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: displayNumber, phone_number_id: phoneNumberId },
                contacts: messages.map((m) => ({ profile: { name: 'Customer' }, wa_id: m.from })),
                messages,
              },
            },
          ],
        },
      ],
    };
    const body = Buffer.from(JSON.stringify(payload));
    out.push({
      body,
      signature: `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
      messages: perPost,
    });
  }
  return out;
}
