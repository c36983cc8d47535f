"use server";

import { z } from "zod";
import { AppError, type ActionResult } from "@/lib/errors";
import { secureFormAction } from "@/lib/security/action";
import { verifyCaptcha } from "@/lib/security/captcha";
import { createComment, createCommentSchema } from "@/lib/services/comments/create-comment";

export type CommentFormState = ActionResult<{ id: string }> | null;

const CAPTCHA_WRONG = "验证码不正确或已过期，请看新的图片重新输入。";

const commentFormSchema = createCommentSchema.extend({
  captchaToken: z.string().max(400).optional(),
  captchaAnswer: z.string().max(64).optional(),
});

/**
 * 发表评论. The wrapper checks origin, session and input; the captcha (one guess per picture) is
 * checked before the service, which authorizes, rate-limits and stores the comment for moderation.
 */
export const createCommentAction = secureFormAction(
  { name: "comment.create", input: commentFormSchema, auth: "user", permission: "comment.create" },
  async ({ captchaToken, captchaAnswer, ...input }, { actor, ip, userAgent }) => {
    if (!(await verifyCaptcha(captchaToken, captchaAnswer))) {
      throw new AppError("INVALID", CAPTCHA_WRONG, { fieldErrors: { captchaAnswer: [CAPTCHA_WRONG] } });
    }
    const result = await createComment(actor, input, { ip, userAgent });
    return { id: result.id };
  },
);
