-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "doneAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AuditCursor" (
    "name" TEXT NOT NULL,
    "lastId" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditCursor_pkey" PRIMARY KEY ("name")
);
