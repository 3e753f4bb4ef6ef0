// Which calls are a built-in container's drops, decided from the call's syntax before any type.
import { describe, expect, it } from 'vitest';

import { isBuiltinDropForm } from '../../src/analysis/containers/kinds.js';

describe('isBuiltinDropForm', () => {
  it("knows a built-in's drop by its name and its number of arguments", () => {
    expect([isBuiltinDropForm('set', 2), isBuiltinDropForm('delete', 1), isBuiltinDropForm('clear', 0), isBuiltinDropForm('splice', 3)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("is false for another library's method of the same name (a Redis client's `set(key, value, 'EX', ttl)`)", () => {
    expect([isBuiltinDropForm('set', 4), isBuiltinDropForm('delete', 2), isBuiltinDropForm('clear', 1), isBuiltinDropForm('stop', 0)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
