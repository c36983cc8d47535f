/*
  Warnings:

  - A unique constraint covering the columns `[sourceSnapshotId]` on the table `articles` will be added. If there are existing duplicate values, this will fail.

*/
-- translation memory matches by trigram similarity (ships with PostgreSQL's contrib, and with the embedded one)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SegmentKind" AS ENUM ('HEADING', 'PARAGRAPH', 'LIST_ITEM', 'QUOTE', 'CODE', 'TABLE', 'IMAGE');

-- CreateEnum
CREATE TYPE "SegmentStatus" AS ENUM ('UNTRANSLATED', 'DRAFT', 'TRANSLATED', 'REVIEWED');

-- CreateEnum
CREATE TYPE "SourceOrigin" AS ENUM ('FETCHED', 'PASTED');

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "assignedById" TEXT,
ADD COLUMN     "sourceChangedAt" TIMESTAMP(3),
ADD COLUMN     "sourceCheckedAt" TIMESTAMP(3),
ADD COLUMN     "sourceSnapshotId" TEXT,
ADD COLUMN     "translationDueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "source_snapshots" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "origin" "SourceOrigin" NOT NULL,
    "url" VARCHAR(2048),
    "finalUrl" VARCHAR(2048),
    "title" VARCHAR(300) NOT NULL,
    "author" VARCHAR(200),
    "siteName" VARCHAR(100),
    "publishedAt" TIMESTAMP(3),
    "leadImageUrl" VARCHAR(2048),
    "segments" JSONB NOT NULL,
    "contentHash" CHAR(64) NOT NULL,
    "etag" VARCHAR(512),
    "lastModified" VARCHAR(100),
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "translation_segments" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SegmentKind" NOT NULL,
    "sourceText" TEXT NOT NULL,
    "sourceNode" JSONB,
    "targetText" TEXT NOT NULL DEFAULT '',
    "status" "SegmentStatus" NOT NULL DEFAULT 'UNTRANSLATED',
    "machineFilled" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "translation_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "translation_memory" (
    "id" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "targetText" TEXT NOT NULL,
    "sourceNorm" TEXT NOT NULL,
    "pairHash" CHAR(64) NOT NULL,
    "articleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "translation_memory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "glossary_terms" (
    "id" SERIAL NOT NULL,
    "source" VARCHAR(200) NOT NULL,
    "sourceNorm" VARCHAR(200) NOT NULL,
    "target" VARCHAR(200) NOT NULL DEFAULT '',
    "variants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "doNotTranslate" BOOLEAN NOT NULL DEFAULT false,
    "note" VARCHAR(500) NOT NULL DEFAULT '',
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "glossary_terms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_snapshots_articleId_fetchedAt_idx" ON "source_snapshots"("articleId", "fetchedAt" DESC);

-- CreateIndex
CREATE INDEX "translation_segments_articleId_position_idx" ON "translation_segments"("articleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "translation_memory_pairHash_key" ON "translation_memory"("pairHash");

-- CreateIndex
CREATE INDEX "translation_memory_sourceNorm_idx" ON "translation_memory" USING GIN ("sourceNorm" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "glossary_terms_sourceNorm_key" ON "glossary_terms"("sourceNorm");

-- CreateIndex
CREATE UNIQUE INDEX "articles_sourceSnapshotId_key" ON "articles"("sourceSnapshotId");

-- CreateIndex
CREATE INDEX "articles_sourceChangedAt_idx" ON "articles"("sourceChangedAt");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_sourceSnapshotId_fkey" FOREIGN KEY ("sourceSnapshotId") REFERENCES "source_snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_segments" ADD CONSTRAINT "translation_segments_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_segments" ADD CONSTRAINT "translation_segments_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
