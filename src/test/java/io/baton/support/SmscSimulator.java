package io.baton.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.smpp.Data;
import org.smpp.pdu.BindResponse;
import org.smpp.pdu.DeliverSM;
import org.smpp.pdu.Request;
import org.smpp.pdu.Response;
import org.smpp.pdu.SubmitSM;
import org.smpp.pdu.SubmitSMResp;
import org.smpp.smscsim.DeliveryInfoSender;
import org.smpp.smscsim.PDUProcessor;
import org.smpp.smscsim.PDUProcessorGroup;
import org.smpp.smscsim.SMSCListenerImpl;
import org.smpp.smscsim.SMSCSession;
import org.smpp.smscsim.ShortMessageStore;
import org.smpp.smscsim.SimulatorPDUProcessor;
import org.smpp.smscsim.util.Record;
import org.smpp.smscsim.util.Table;
import org.smpp.util.ByteBuffer;

/**
 * OpenSMPP's SMSC simulator (Logica's, {@code org.smpp.smscsim}), nobody on the team wrote it,
 * listening on 127.0.0.1: it binds one ESME account, answers submit_sm with its own message ids,
 * sends the delivery receipts asked for, and answers enquire_link (without the 300 ms pause its
 * console mode puts before every response). Around it only a record of what
 * it received (for asserts and benchmarks) and a way to send deliver_sm as an SMSC would (an MO
 * message or a receipt of our own making).
 */
public final class SmscSimulator implements AutoCloseable {

    /** A submit_sm as the simulator got it, with the message id it answered. */
    public record Received(String from, String to, int dataCoding, int esmClass, int registeredDelivery,
            byte[] shortMessage, String messageId) {
    }

    private final int port;
    private final SMSCListenerImpl listener;
    private final DeliveryInfoSender receipts = new DeliveryInfoSender();
    private final List<Recording> bound = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SmscSimulator(int port, String systemId, String password) throws IOException {
        this.port = port;
        Table users = new Table();
        Record user = new Record();
        user.set("name", systemId);
        user.set("password", password);
        users.add(user);
        ShortMessageStore store = new ShortMessageStore();
        PDUProcessorGroup group = new PDUProcessorGroup();
        listener = new SMSCListenerImpl(port, true);
        listener.setPDUProcessorFactory(session -> {
            Recording p = new Recording(session, store, users);
            p.setDisplayInfo(false);
            p.setDeliveryInfoSender(receipts);
            p.setGroup(group);
            return p;
        });
        receipts.start();
        listener.start();
    }

    /** Starts the simulator on {@code port} of 127.0.0.1 (every interface, as it binds), for one account. */
    public static SmscSimulator start(int port, String systemId, String password) throws IOException {
        return new SmscSimulator(port, systemId, password);
    }

    public int port() {
        return port;
    }

    /** Every submit_sm received so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** ESME sessions bound now. */
    public int boundSessions() {
        return (int) bound.stream().filter(PDUProcessor::isActive).count();
    }

    /**
     * Sends an MO short message to the ESME, as a handset's SMS to the short code arrives
     * ({@code esmClass} 0x40 when {@code shortMessage} starts with a user data header).
     */
    public void deliverMo(String from, String to, int esmClass, int dataCoding, byte[] shortMessage) {
        deliver(from, to, (byte) esmClass, dataCoding, shortMessage, null);
    }

    /** Sends a delivery receipt (esm_class 0x04) with the given text and, if not null, receipted_message_id. */
    public void deliverReceipt(String from, String to, String text, String receiptedMessageId) {
        deliver(from, to, (byte) Data.SM_SMSC_DLV_RCPT_TYPE, 0, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                receiptedMessageId);
    }

    private void deliver(String from, String to, byte esmClass, int dataCoding, byte[] message, String receipted) {
        Recording p = bound.stream().filter(PDUProcessor::isActive).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no ESME bound to the simulator"));
        try {
            DeliverSM d = new DeliverSM();
            d.setSourceAddr((byte) 1, (byte) 1, from);
            d.setDestAddr((byte) 0, (byte) 1, to);
            d.setEsmClass(esmClass);
            d.setDataCoding((byte) dataCoding);
            d.setShortMessageData(new ByteBuffer(message));
            if (receipted != null) {
                d.setReceiptedMessageId(receipted);
            }
            p.serverRequest(d);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send deliver_sm: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            listener.stop();
        } catch (IOException e) {
            // closing anyway
        }
        bound.forEach(PDUProcessor::exit);
        receipts.stop();
    }

    /** The simulator's processor, recording each submit_sm and the message id it answered. */
    private final class Recording extends SimulatorPDUProcessor {

        private final Map<Integer, SubmitSM> awaiting = new ConcurrentHashMap<>();

        Recording(SMSCSession session, ShortMessageStore store, Table users) {
            super(session, store, users);
        }

        @Override
        public void clientRequest(Request request) {
            if (request instanceof SubmitSM s) {
                awaiting.put(s.getSequenceNumber(), s);
            }
            super.clientRequest(request);
        }

        @Override
        public void serverResponse(Response response) throws IOException, org.smpp.pdu.PDUException {
            if (response instanceof BindResponse b && b.getCommandStatus() == Data.ESME_ROK) {
                bound.add(this);
            }
            if (response instanceof SubmitSMResp r) {
                SubmitSM s = awaiting.remove(r.getSequenceNumber());
                if (s != null && r.getCommandStatus() == Data.ESME_ROK) {
                    received.add(new Received(s.getSourceAddr().getAddress(), s.getDestAddr().getAddress(),
                            s.getDataCoding() & 0xFF, s.getEsmClass() & 0xFF, s.getRegisteredDelivery() & 0xFF,
                            s.getShortMessageData().getBuffer(), r.getMessageId()));
                }
            }
            // SimulatorPDUProcessor.serverResponse pauses 300 ms before every response (for its
            // interactive console), which would cap the simulator at ~3 responses/s per session:
            // send at once instead; the PDU handling stays the simulator's own
            getSession().send(response);
        }
    }
}
