/**
 * One row of the authorization matrix (e2e/authz/matrix.spec.ts): a staff server action and which
 * roles get past authorization. Columns of `roles`: READER CONTRIBUTOR TRANSLATOR EDITOR ADMIN;
 * Y = gets past authorization, - = FORBIDDEN. Areas with many actions keep their rows in a file
 * of this folder, so parallel work on separate areas does not edit one long list.
 */
export type MatrixRow = { file: string; name: string; kind: "json" | "form"; roles: string };
