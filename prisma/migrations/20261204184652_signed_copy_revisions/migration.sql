-- CreateTable
CREATE TABLE "SignedCopyRevision" (
    "id" UUID NOT NULL,
    "roundId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "signerUserId" UUID,
    "signerUnitId" UUID,
    "certificateSubject" TEXT,
    "certificateIssuer" TEXT,
    "certificateFingerprint" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignedCopyRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SignedCopyRevision_roundId_sequence_key" ON "SignedCopyRevision"("roundId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "SignedCopyRevision_roundId_signerUserId_key" ON "SignedCopyRevision"("roundId", "signerUserId");
