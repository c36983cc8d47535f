-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "sourceText" TEXT;
