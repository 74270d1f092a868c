-- CreateTable
CREATE TABLE "PublicObjector" (
    "objectionId" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "eventKey" TEXT NOT NULL,

    CONSTRAINT "PublicObjector_pkey" PRIMARY KEY ("objectionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicObjector_eventKey_key" ON "PublicObjector"("eventKey");

-- CreateIndex
CREATE INDEX "PublicObjector_nominationId_idx" ON "PublicObjector"("nominationId");
