import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionUserId } from "@/lib/auth/session-user-id";

const secret = () => process.env.NEXTAUTH_SECRET!;
const withCookie = (cookie: string) => new Request("http://localhost/api/attempts/x/actions", { method: "POST", headers: { cookie } });
const NAME = "next-auth.session-token";

describe("sessionUserId (the command route's session reader)", () => {
  it("reads the user id of a genuine next-auth session cookie, again and again", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: secret() });
    expect(await sessionUserId(withCookie(`theme=dark; ${NAME}=${token}`))).toBe("user-1");
    expect(await sessionUserId(withCookie(`${NAME}=${token}`))).toBe("user-1");
  });

  it("joins a cookie next-auth split into chunks", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret: secret() });
    const half = Math.floor(token.length / 2);
    expect(await sessionUserId(withCookie(`${NAME}.1=${token.slice(half)}; ${NAME}.0=${token.slice(0, half)}`))).toBe("user-2");
  });

  it("is signed out without a cookie, with a tampered or foreign token, or an expired one", async () => {
    expect(await sessionUserId(new Request("http://localhost/"))).toBeNull();
    expect(await sessionUserId(withCookie("theme=dark"))).toBeNull();
    const token = await encode({ token: { sub: "user-3" }, secret: secret() });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionUserId(withCookie(`${NAME}=${tampered}`))).toBeNull();
    const foreign = await encode({ token: { sub: "user-3" }, secret: "another-secret-another-secret-x" });
    expect(await sessionUserId(withCookie(`${NAME}=${foreign}`))).toBeNull();
    const expired = await encode({ token: { sub: "user-3" }, secret: secret(), maxAge: -60 });
    expect(await sessionUserId(withCookie(`${NAME}=${expired}`))).toBeNull();
  });

  it("forgets a remembered token once it expires", async () => {
    const token = await encode({ token: { sub: "user-4" }, secret: secret(), maxAge: 60 });
    const now = Date.now();
    expect(await sessionUserId(withCookie(`${NAME}=${token}`), now)).toBe("user-4");
    expect(await sessionUserId(withCookie(`${NAME}=${token}`), now + 61_000)).toBeNull();
  });

  it("uses the __Secure- cookie when the site is served over https, as next-auth does", async () => {
    const previous = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://crashcourse.example";
    try {
      const token = await encode({ token: { sub: "user-5" }, secret: secret() });
      expect(await sessionUserId(withCookie(`${NAME}=${token}`))).toBeNull();
      expect(await sessionUserId(withCookie(`__Secure-${NAME}=${token}`))).toBe("user-5");
    } finally {
      if (previous === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = previous;
    }
  });
});
