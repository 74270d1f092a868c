-- Issue 20. A subscriber's own webhook signing key, made when its webhook URL is set (rows from
-- before have none: their deliveries are signed with WEBHOOK_SECRET when one is configured, else
-- refused until the owner sets the URL again), and the access-token version of each account.

-- AlterTable
ALTER TABLE "NotificationPreference" ADD COLUMN     "webhookSecret" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "tokenVersion" INTEGER NOT NULL DEFAULT 0;
