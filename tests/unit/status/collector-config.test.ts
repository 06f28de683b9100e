/**
 * docs/otel-collector.yaml parses as YAML and wires what it names: no Collector binary is in this
 * machine's registries (Debian 12 ships none, its Prometheus predates the OTLP receiver, npm has
 * exporters but no collector), so the config is checked for its structure and names instead.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Config = {
  receivers: Record<string, { protocols?: { http?: { endpoint?: string } } }>;
  processors: Record<string, unknown>;
  exporters: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  service: {
    extensions?: string[];
    pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
  };
};

const config = parse(
  readFileSync(resolve(import.meta.dirname, '../../../docs/otel-collector.yaml'), 'utf8'),
) as Config;

describe('the Collector configuration in docs', () => {
  it('receives OTLP over HTTP, where Signpost sends it', () => {
    expect(config.receivers.otlp?.protocols?.http?.endpoint).toBe('0.0.0.0:4318');
  });

  it('has a metrics and a logs pipeline whose every name is defined', () => {
    expect(Object.keys(config.service.pipelines).sort()).toEqual(['logs', 'metrics']);
    for (const pipeline of Object.values(config.service.pipelines)) {
      for (const name of pipeline.receivers) expect(config.receivers, name).toHaveProperty([name]);
      for (const name of pipeline.processors ?? [])
        expect(config.processors, name).toHaveProperty([name]);
      for (const name of pipeline.exporters) expect(config.exporters, name).toHaveProperty([name]);
    }
    for (const name of config.service.extensions ?? [])
      expect(config.extensions, name).toHaveProperty([name]);
  });

  it('uses only component types of the contrib distribution', () => {
    const known = ['otlp', 'batch', 'prometheus', 'file', 'bearertokenauth'];
    const names = [
      ...Object.keys(config.receivers),
      ...Object.keys(config.processors),
      ...Object.keys(config.exporters),
      ...Object.keys(config.extensions ?? {}),
    ];
    for (const name of names) expect(known, name).toContain(name.split('/')[0]);
  });
});
