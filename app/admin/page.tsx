import { claimBootstrapAdmin } from "@/lib/admin/claim-bootstrap-admin";
import { listUsers } from "@/lib/admin/list-users";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { listUsersQuerySchema } from "@/lib/validations/class";
import { RoleSelect } from "./role-select";

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin" };

/** Admins give users roles (learner, instructor, admin). Accounts listed in ADMIN_EMAILS become admins here. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await claimBootstrapAdmin(await requireSessionUser("/admin"));
  if (user.role !== "admin") {
    return (
      <main>
        <h1>Admin</h1>
        <p className="notice">Only admins can manage roles.</p>
      </main>
    );
  }
  const query = listUsersQuerySchema.parse(await searchParams);
  const users = await listUsers({ user, q: query.q });
  return (
    <main>
      <h1>Users and roles</h1>
      <form className="filters" method="get" role="search">
        <label>
          Search
          <input name="q" type="search" defaultValue={query.q ?? ""} placeholder="email or name" />
        </label>
        <button className="btn" type="submit">
          Search
        </button>
      </form>
      <table className="data" data-testid="users">
        <thead>
          <tr>
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid={`user-${u.email}`}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>
                <RoleSelect userId={u.id} role={u.role} self={u.id === user.id} />
              </td>
              <td>{new Date(u.createdAt).toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
