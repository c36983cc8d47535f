import fc from "fast-check";
import Parser from "rss-parser";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthorCard } from "@/app/(public)/posts/[publicId]/author-card";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { expectReadableRefusal, outcomeOf } from "@/lib/escape/fuzz-outcome";
import { hostileText, hostileUnit, storableHostileText } from "@/lib/escape/hostile-text";
import { plainLine } from "@/lib/escape/plain-text";
import { toXmlChars } from "@/lib/escape/xml";
import { renderRss } from "@/lib/feed/rss";
import { dangerousAttributesOf, elementsOf, textOf } from "@/lib/feed/html-check";
import { assertWellFormedXml } from "@/lib/feed/xml-well-formed";
import { createActor } from "@/lib/services/articles/test-helpers";
import { getMember } from "@/lib/services/public/get-member";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { updateProfile } from "./update-profile";

/**
 * Fuzz of 个人资料 (display name, bio) against the real service and every public place that shows
 * them (issue 8): the author card, the member page's metadata and the member feed's channel.
 * Every outcome is a saved profile or a readable refusal that changed nothing; saved text is
 * the trimmed input; each output carries it as text and nothing else. Fixed seed and run count.
 */
const SEED = 8_2026_13;
const RUNS = 200;

const text = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: storableHostileText(max) },
    { weight: 2, arbitrary: hostileText(max) },
    { weight: 1, arbitrary: fc.string({ unit: hostileUnit, minLength: max - 5, maxLength: max + 10 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
    },
  );
const inputs = fc.record(
  {
    displayName: text(32),
    bio: text(500),
    extra: fc.oneof(fc.constant(undefined), fc.constantFrom("role", "status", "userId")),
  },
  { requiredKeys: ["displayName", "bio"] },
);

// What AuthorCard itself writes; a name or bio must add nothing to it.
const CARD_ELEMENTS = new Set(["section", "div", "span", "h2", "a", "p"]);
const parser = new Parser();

let me: Actor;
beforeAll(async () => {
  me = await createActor("READER");
});

describe(`profile fields (fast-check seed ${SEED}, ${RUNS} runs)`, () => {
  it("are saved as sent or refused readably, and every public output shows them as text", async () => {
    let saved = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(inputs, async ({ displayName, bio, extra }) => {
        const before = await db.profile.findUniqueOrThrow({ where: { userId: me.id } });
        const input = { displayName, bio, ...(extra ? { [extra]: "ADMIN" } : {}) };
        const r = await outcomeOf(() => updateProfile(me, input));
        const after = await db.profile.findUniqueOrThrow({ where: { userId: me.id } });
        if (!r.ok) {
          refused++;
          expectReadableRefusal(r.error, ["displayName", "bio"]);
          expect(after).toEqual(before);
          return;
        }
        saved++;
        expect(extra).toBeUndefined();
        expect(after.displayName).toBe((displayName as string).trim());
        expect(after.bio ?? "").toBe((bio as string).trim());

        const member = (await getMember(after.publicId))!;
        const card = renderToStaticMarkup(
          createElement(AuthorCard, {
            author: {
              id: me.id,
              publicId: member.publicId,
              displayName: member.displayName,
              avatarUrl: null,
              bio: member.bio,
            },
            latest: [],
          }),
        );
        expect(elementsOf(card).filter((e) => !CARD_ELEMENTS.has(e))).toEqual([]);
        expect(dangerousAttributesOf(card)).toEqual([]);
        // the avatar's initial, the name, the bio (when there is one), the link's hidden label
        const name = after.displayName;
        expect(textOf(card)).toBe(`${[...name][0]}${name}${member.bio ?? ""}查看更多${name}的文章 →`);

        const meta = pageMetadata({
          title: `${member.displayName}的文章`,
          description: member.bio ?? "简介",
          path: `/member/${member.publicId}`,
        });
        expect(meta.title).toBe(plainLine(`${member.displayName}的文章`));
        expect(meta.description).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);

        const xml = renderRss(
          {
            title: `${member.displayName} · 署名 Byline`,
            description: member.bio ?? "简介",
            path: `/member/${member.publicId}`,
            feedPath: `/member/${member.publicId}/feed`,
          },
          [],
        );
        assertWellFormedXml(xml);
        const feed = await parser.parseString(xml);
        expect(feed.title).toBe(plainLine(`${member.displayName} · 署名 Byline`));
        expect(elementsOf(feed.description!)).toEqual([]);
        // exactly the bio, minus what XML cannot carry at all (U+FFFE/U+FFFF)
        expect(textOf(feed.description!)).toBe(toXmlChars(member.bio ?? "简介"));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.info(`fuzz-profile: seed ${SEED}, ${RUNS} runs: ${saved} saved, ${refused} refused`);
    // both paths were exercised (the figures are fixed by the seed)
    expect(saved).toBeGreaterThanOrEqual(40);
    expect(refused).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
