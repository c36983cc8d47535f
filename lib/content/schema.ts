import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { articleExtensions } from "./extensions";

let schema: Schema | undefined;

/**
 * The ProseMirror schema of the shared extension list: exactly what the editor can produce.
 * Built once (about 30 ms); the static renderer would otherwise build it again for every render.
 */
export const articleSchema = () => (schema ??= getSchema(articleExtensions));
