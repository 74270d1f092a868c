import { loadObservabilityConfig } from './observability-config';

describe(loadObservabilityConfig.name, () => {
  it('keeps tracing off in tests and writes jsonl elsewhere unless an endpoint is set', () => {
    expect(loadObservabilityConfig({ NODE_ENV: 'test' }).tracesExporter).toBe('none');
    expect(loadObservabilityConfig({ NODE_ENV: 'production' }).tracesExporter).toBe('jsonl');
    expect(loadObservabilityConfig({}).tracesExporter).toBe('jsonl');
    expect(
      loadObservabilityConfig({
        NODE_ENV: 'test',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      }).tracesExporter,
    ).toBe('otlp');
  });

  it('lets OTEL_TRACES_EXPORTER choose and OTEL_SDK_DISABLED turn everything off', () => {
    expect(
      loadObservabilityConfig({ NODE_ENV: 'test', OTEL_TRACES_EXPORTER: 'jsonl' }).tracesExporter,
    ).toBe('jsonl');
    expect(
      loadObservabilityConfig({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })
        .tracesExporter,
    ).toBe('none');
  });

  it('names the variable and the rule of a bad value', () => {
    expect(() => loadObservabilityConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN: must be at least 16 characters/,
    );
    expect(() => loadObservabilityConfig({ WORKER_METRICS_PORT: '70000' })).toThrow(
      /WORKER_METRICS_PORT/,
    );
  });
});
