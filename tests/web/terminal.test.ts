import { describe, expect, it } from "vitest";
import { CommandHistory } from "@/lib/terminal/command-history";
import { completeWord } from "@/lib/terminal/complete-word";
import { needsContinuation } from "@/lib/terminal/continuation";

describe("needsContinuation", () => {
  it("is false for complete commands", () => {
    expect(needsContinuation("kubectl get pods")).toBe(false);
    expect(needsContinuation("echo 'a << b'")).toBe(false);
    expect(needsContinuation("kubectl get pods # <<EOF")).toBe(false);
  });

  it("waits for a heredoc's delimiter", () => {
    expect(needsContinuation("kubectl apply -f - <<EOF")).toBe(true);
    expect(needsContinuation("kubectl apply -f - <<EOF\napiVersion: v1")).toBe(true);
    expect(needsContinuation("kubectl apply -f - <<EOF\napiVersion: v1\nEOF")).toBe(false);
    expect(needsContinuation("cat <<'END' | kubectl apply -f -\nkind: Pod\nEND")).toBe(false);
    expect(needsContinuation("cat <<-END\n\tx\n\tEND")).toBe(false);
    expect(needsContinuation("cat <<A <<B\nA\n")).toBe(true);
  });

  it("waits for a closing quote and after a trailing backslash", () => {
    expect(needsContinuation("kubectl patch x -p '{")).toBe(true);
    expect(needsContinuation("kubectl patch x -p '{\n}'")).toBe(false);
    expect(needsContinuation("kubectl get \\")).toBe(true);
    expect(needsContinuation("kubectl get \\\npods")).toBe(false);
  });
});

describe("completeWord", () => {
  it("completes a single candidate and adds a space", () => {
    expect(completeWord("kubectl desc", ["describe"])).toEqual({ kind: "replace", line: "kubectl describe " });
  });

  it("extends to the common prefix, then lists", () => {
    expect(completeWord("kubectl get po", ["pods", "podtemplates"])).toEqual({ kind: "replace", line: "kubectl get pod" });
    expect(completeWord("kubectl get pod", ["pods", "podtemplates"])).toEqual({ kind: "list", candidates: ["pods", "podtemplates"] });
    expect(completeWord("kubectl get x", ["pods"])).toEqual({ kind: "none" });
  });
});

describe("CommandHistory", () => {
  it("walks back and forth and keeps the draft", () => {
    const history = new CommandHistory(["one", "two"]);
    expect(history.previous("dra")).toBe("two");
    expect(history.previous("two")).toBe("one");
    expect(history.previous("one")).toBe("one");
    expect(history.next()).toBe("two");
    expect(history.next()).toBe("dra");
    history.add("three");
    history.add("three");
    expect(history.list()).toEqual(["one", "two", "three"]);
  });
});
