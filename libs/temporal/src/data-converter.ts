import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '@epw/config';
import { EncryptionCodec } from './encryption-codec';
import { PayloadKeyRing } from './payload-key-ring';

/** The data converter of every Temporal client and worker of this system (API, worker, tests,
 * chaos and bench harnesses): payloads encrypted when keys are configured. */
export function temporalDataConverter(
  config: Pick<AppConfig, 'temporalPayloadKeys'>,
): DataConverter {
  const ring = PayloadKeyRing.fromConfig(config);
  return ring ? { payloadCodecs: [new EncryptionCodec(ring)] } : {};
}
