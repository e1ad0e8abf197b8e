import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not PostgreSQL, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
  });

  it("coerces the port and rejects nonsense", () => {
    expect(parseEnv({ PORT: "4100" }).PORT).toBe(4100);
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
  });
});
