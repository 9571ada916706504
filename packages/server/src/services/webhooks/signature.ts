// The X-MLflow-Signature of a delivery: "v1," + base64 HMAC-SHA256 over "<delivery id>.<unix seconds>.<body>".
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-MLflow-Signature';
export const TIMESTAMP_HEADER = 'X-MLflow-Timestamp';
export const DELIVERY_ID_HEADER = 'X-MLflow-Delivery-Id';

export function webhookSignature(
  secret: string,
  deliveryId: string,
  timestamp: string,
  body: string,
): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${deliveryId}.${timestamp}.${body}`, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}
