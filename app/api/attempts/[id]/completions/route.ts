import { NextResponse } from "next/server";
import { completeCommand } from "@/lib/attempts/complete-command";
import { parseInput } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { attemptParamsSchema, completionQuerySchema } from "@/lib/validations/attempt";

/** Tab completion for the terminal: candidates for the last word of `?line=`. */
export const GET = userRoute(attemptParamsSchema, async ({ request, params, user }) => {
  const query = parseInput(completionQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "Query");
  const candidates = await completeCommand({ attemptId: params.id, userId: user.id, line: query.line });
  return NextResponse.json({ candidates });
});
