import { inject } from "vitest";

// Runs before each web test file imports anything, so lib/env.ts parses the test database URL.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
