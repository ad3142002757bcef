// The chat use cases, for routes and socket handlers (see the files for the rules).
export {
  conversationIdsFor,
  conversationParticipantIds,
  isConversationParticipant,
} from "./chat-access.server";
export { conversationIdForProposal, findContractConversationId } from "./chat-links.server";
export { catchUpMessages, markConversationRead, messagesAfter, sendMessage } from "./chat-messages.server";
export {
  announceConversation,
  askQuestion,
  openContractConversation,
  openMissionConversation,
} from "./chat-open.server";
export { countUnreadMessages, getAttachment, getConversation, listConversations } from "./chat-views.server";
