-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(200) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "windowEndsAt" BIGINT NOT NULL,
    "blocks" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "rate_limit_members" (
    "key" VARCHAR(200) NOT NULL,
    "member" VARCHAR(64) NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_members_pkey" PRIMARY KEY ("key","member")
);

-- CreateTable
CREATE TABLE "used_captchas" (
    "id" VARCHAR(32) NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "used_captchas_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limits_windowEndsAt_idx" ON "rate_limits"("windowEndsAt");

-- CreateIndex
CREATE INDEX "rate_limit_members_expiresAt_idx" ON "rate_limit_members"("expiresAt");

-- CreateIndex
CREATE INDEX "used_captchas_expiresAt_idx" ON "used_captchas"("expiresAt");
