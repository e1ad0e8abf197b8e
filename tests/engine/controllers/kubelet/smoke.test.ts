import { describe, expect, it } from "vitest";
import { apply, at, cs, events, getPod, makeCluster, pod } from "./fixture";

describe("smoke", () => {
  it("runs nginx", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.27" }));
    at(c, 30);
    const p = getPod(c, "web");
    console.log(JSON.stringify(p.status, null, 1));
    console.log(events(c, "web"));
    expect(cs(c, "web").state.running).toBeDefined();
  });
});
