import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { errorResponse, ApiError } from "@/lib/http/errors";
import { DATABASE_RETRY_AFTER_S } from "@/lib/http/database-unavailable";

export const dynamic = "force-dynamic";

/** Readiness: the database answers a query. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ready" });
  } catch (error) {
    console.error("readyz: database unreachable", error);
    return errorResponse(new ApiError("unavailable", "Database is unreachable.", undefined, { "Retry-After": String(DATABASE_RETRY_AFTER_S) }));
  }
}
