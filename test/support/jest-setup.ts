// Integration tests drive real services and durable timers: allow them time, bounded.
jest.setTimeout(120_000);
