import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. */
export function GET() {
  return NextResponse.json({ status: "ok" });
}
