// The API's JSON shapes (camelCase, enums as camelCase strings), as WebFrontend serves them.

export type Role = "owner" | "admin" | "agent";

export interface Employee {
  id: string;
  businessId: string;
  email: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
}

export interface EmployeeProfile extends Employee {
  status: string;
  createdAt: string;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
  employee: Employee;
}

export type Direction = "inbound" | "outbound";
export type Sender = "customer" | "assistant" | "employee" | "system";
export type Delivery = "queued" | "sent" | "delivered" | "read" | "failed";

export interface MediaAttachment {
  providerMediaId?: string | null;
  mimeType?: string | null;
  fileName?: string | null;
  isVoice?: boolean;
  transcript?: string | null;
  transcriptionState?: "pending" | "done" | "off" | "failed" | null;
  link?: string | null;
}

export interface LocationShare {
  latitude: number;
  longitude: number;
  name?: string | null;
  address?: string | null;
}

export interface ContactCard {
  name: string;
  phones: string[];
  emails: string[];
}

export interface MessageContent {
  kind: string;
  text?: string | null;
  media?: MediaAttachment | null;
  location?: LocationShare | null;
  contacts?: ContactCard[] | null;
  reply?: { id: string; title: string; description?: string | null } | null;
  reaction?: { targetProviderMessageId: string; emoji: string } | null;
  template?: { name: string; language: string; parameters: string[] } | null;
}

export interface Message {
  id: string;
  conversationId: string;
  sequence: number;
  direction: Direction;
  sender: Sender;
  kind: string;
  body?: string | null;
  providerMessageId?: string | null;
  sentAt: string;
  storedAt: string;
  content?: MessageContent | null;
  delivery?: Delivery | null;
  deliveryErrorCode?: string | null;
  deliveryErrorTitle?: string | null;
  employeeId?: string | null;
  replyToProviderMessageId?: string | null;
  reactions?: { reactor: string; emoji: string }[] | null;
}

export interface MessagePage {
  conversationId: string;
  messages: Message[];
}

export interface Conversation {
  id: string;
  customer: { waId: string; name?: string | null };
  mode: string;
  status: string;
  assigneeId?: string | null;
  labels: string[];
  createdAt: string;
  lastMessageAt: string;
  lastSequence: number;
  lastReadSequence: number;
  unreadCount: number;
  lastMessage?: Message | null;
}

export interface ConversationPage {
  items: Conversation[];
  nextCursor?: string | null;
}

export interface WhatsAppChannel {
  id: string;
  provider: "meta" | "twilio";
  address: string;
  displayPhoneNumber: string;
  businessAccountId?: string | null;
  accountSid?: string | null;
  messagingServiceSid?: string | null;
  hasAccessToken: boolean;
  hasAppSecret: boolean;
  hasVerifyToken: boolean;
  hasAuthToken: boolean;
  sendsThroughProvider: boolean;
  updatedAt: string;
}

export interface LocalDelivery {
  id: number;
  messageId: string;
  recipient: string;
  kind: string;
  body?: string | null;
  sentAt: string;
}

/** An RFC 7807 problem, with field errors for validation problems. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

/** A conversation as its grain holds it (the hub's ConversationChanged). */
export interface ConversationSnapshot {
  id: string;
  businessId: string;
  customerWaId: string;
  customerName?: string | null;
  mode: string;
  status: string;
  assigneeId?: string | null;
  labels?: string[] | null;
  flow?: string;
}

export interface HandoffSummary {
  id: string;
  conversationId?: string;
  reason: string;
  intent: string;
  summary: string;
  flowState: string;
  at: string;
}

/** GET /api/conversations/{id}/assistant */
export interface AssistantView {
  flowState: string;
  mode: string;
  drafting: boolean;
  draft?: string | null;
  draftTurnId?: string | null;
  latestHandoff?: HandoffSummary | null;
}
