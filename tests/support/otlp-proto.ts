/**
 * Decodes OTLP/HTTP JSON with the official OpenTelemetry protobuf definitions (the
 * opentelemetry-proto messages as generated for protobufjs in @opentelemetry/otlp-transformer), and
 * refuses anything that does not decode as an ExportMetricsServiceRequest / ExportLogsServiceRequest:
 * a wrong type, an unknown field, a misspelt enum. Used by the unit tests and the E2E receiver.
 */
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

type ProtoType = {
  fromObject(object: unknown): unknown;
  verify(message: unknown): string | null;
  toObject(message: unknown, options: object): unknown;
};
const require = createRequire(import.meta.url);
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root.js') as {
  opentelemetry: {
    proto: { collector: Record<string, Record<string, Record<string, ProtoType>>> };
  };
};
const { collector } = root.opentelemetry.proto;
const TYPES: Record<'metrics' | 'logs', ProtoType | undefined> = {
  metrics: collector.metrics?.v1?.ExportMetricsServiceRequest,
  logs: collector.logs?.v1?.ExportLogsServiceRequest,
};

/** Drops what the JSON mapping leaves out anyway (empty lists), so a round trip compares. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, normalise(v)]),
    );
  return value;
}

/**
 * The request decoded by the official schema, or an Error saying why it is not one. Strict: the
 * message, converted back to JSON, must be exactly what was sent (protobufjs drops unknown fields
 * silently, which would hide a misspelt field name).
 */
export function decodeOtlp(kind: 'metrics' | 'logs', json: unknown): unknown {
  const type = TYPES[kind];
  if (!type) throw new Error('OTLP definitions not found');
  const message = type.fromObject(json);
  const error = type.verify(message);
  if (error) throw new Error(`not an OTLP ${kind} request: ${error}`);
  const back = type.toObject(message, {
    longs: String,
    enums: Number,
    bytes: String,
    arrays: true,
  });
  if (!isDeepStrictEqual(normalise(back), normalise(json)))
    throw new Error(
      `not an OTLP ${kind} request: fields the schema does not know or types it does not expect:\nsent ${JSON.stringify(json)}\nread ${JSON.stringify(back)}`,
    );
  return message;
}
