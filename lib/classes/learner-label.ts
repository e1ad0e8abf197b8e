/** How a learner is shown to an instructor: name, else email, else "Guest …" with the end of their id. */
export function learnerLabel(user: { id: string; name: string | null; email: string | null }): string {
  return user.name || user.email || `Guest ${user.id.slice(-6)}`;
}
