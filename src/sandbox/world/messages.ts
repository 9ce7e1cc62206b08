// Sample messages received through the gateway into Exchange Online, as a recipient would save them
// from their mailbox (assess --message): what Exchange Online stamps with Enhanced Filtering for
// Connectors applied, reported only, or off. Header names and meaning: Microsoft Learn, "Enhanced
// Filtering for Connectors in Exchange Online"; the shapes of their values and of Exchange Online's
// Authentication-Results follow public captures of received headers. Addresses are documentation
// ranges and the sandbox's Mimecast egress (195.130.217.0/24); no name here exists on the internet.

export type EnhancedFilteringSample = "applied" | "reported-only" | "off";

const GATEWAY = { host: "eu-smtp-inbound-1.mimecast.com", ip: "195.130.217.10" };
const SENDER = { host: "mail.partner.example", ip: "198.51.100.25" };

/** A message from partner.example to `recipient`, through the gateway into Exchange Online. */
export function receivedThroughGateway(recipient: string, ef: EnhancedFilteringSample): string {
  // With Enhanced Filtering applied, SPF is checked against the original sender, which partner.example
  // authorises; otherwise against the gateway, which it does not.
  const judged = ef === "applied" ? SENDER.ip : GATEWAY.ip;
  const spf = ef === "applied" ? "pass" : "fail";
  const efHeaders = [
    ...(ef !== "off" ? [`X-MS-Exchange-SkipListedInternetSender: ip=[${SENDER.ip}];domain=${SENDER.host}`] : []),
    ...(ef === "applied" ? [`X-MS-Exchange-ExternalOriginalInternetSender: ip=[${SENDER.ip}];domain=${SENDER.host}`] : []),
  ];
  return [
    `Received: from ${GATEWAY.host} (${GATEWAY.ip}) by LO2P265MB0001.GBRP265.PROD.OUTLOOK.COM (2603:10a6:600:1::10) with Microsoft SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8000.10; Mon, 30 Nov 2026 09:14:03 +0000`,
    `Authentication-Results: spf=${spf} (sender IP is ${judged}) smtp.mailfrom=partner.example; dkim=none (message not signed) header.d=none;dmarc=${spf === "pass" ? "pass action=none" : "fail action=quarantine"} header.from=partner.example;compauth=${spf === "pass" ? "pass reason=100" : "fail reason=000"}`,
    `Received-SPF: ${spf === "pass" ? "Pass" : "Fail"} (protection.outlook.com: domain of partner.example ${spf === "pass" ? "designates" : "does not designate"} ${judged} as permitted sender) receiver=protection.outlook.com; client-ip=${judged}; helo=${spf === "pass" ? SENDER.host : GATEWAY.host};`,
    `Received: from ${SENDER.host} (${SENDER.host} [${SENDER.ip}]) by ${GATEWAY.host} with ESMTPS id sample-0001; Mon, 30 Nov 2026 09:14:01 +0000`,
    ...efHeaders,
    "X-MS-Exchange-Organization-SCL: 1",
    "From: Accounts <accounts@partner.example>",
    `To: <${recipient}>`,
    "Subject: Invoice 4411",
    "Date: Mon, 30 Nov 2026 09:14:00 +0000",
    "Message-ID: <invoice-4411@partner.example>",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Please find the invoice attached.",
    "",
  ].join("\r\n");
}
