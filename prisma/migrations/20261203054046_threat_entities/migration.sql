-- CreateEnum
CREATE TYPE "TagKind" AS ENUM ('TOPIC', 'ACTOR', 'MALWARE', 'VENDOR', 'PRODUCT');

-- AlterTable
ALTER TABLE "tags" ADD COLUMN     "description" VARCHAR(500),
ADD COLUMN     "kind" "TagKind" NOT NULL DEFAULT 'TOPIC';

-- CreateTable
CREATE TABLE "tag_aliases" (
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "tag_aliases_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "tag_aliases_tagId_idx" ON "tag_aliases"("tagId");

-- CreateIndex
CREATE INDEX "tags_kind_idx" ON "tags"("kind");

-- AddForeignKey
ALTER TABLE "tag_aliases" ADD CONSTRAINT "tag_aliases_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;
