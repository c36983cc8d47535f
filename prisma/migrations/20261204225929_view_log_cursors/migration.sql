-- CreateTable
CREATE TABLE "view_log_cursors" (
    "file" TEXT NOT NULL,
    "offset" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "view_log_cursors_pkey" PRIMARY KEY ("file")
);
