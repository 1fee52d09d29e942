package dev.cairn.smtp;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Python's {@code logging.handlers.SMTPHandler}: mails records to {@code toaddrs} through the
 * SMTP server {@code mailhost}, logging in with {@code credentials} and using STARTTLS when
 * {@code secure}; each connection step times out after {@code timeout} seconds (5). Built on
 * Angus Mail (Jakarta Mail).
 *
 * <p><b>Rate limit (Cairn).</b> Python sends one mail per record, so an error storm floods the
 * inbox. Here at most one mail goes out per {@link #setMinInterval minInterval} seconds (60; 0
 * restores Python's behaviour): the first record after a quiet interval is mailed at once, on the
 * logging thread as in Python; the ones that follow are held, up to
 * {@link #setDigestCapacity digestCapacity} (1000), and mailed as one digest from a background
 * thread when the interval ends, its subject saying how many records it holds. Records beyond the
 * capacity are counted in the digest and reported through {@link #handleError}.
 *
 * <p>A mail that cannot be sent (server down, refused login, timeout) is reported through
 * {@link #handleError} once for each record it carried. {@link #close} (and so
 * {@code Logging.shutdown()}) mails the held digest at once. {@link #flush} does nothing, as in
 * Python, so flushing does not defeat the rate limit.
 *
 * <p>Differences from Python: {@code secure} enables (and requires) STARTTLS even without
 * credentials, where Python only uses it to protect a login; Python's key and certificate files
 * for {@code secure} are not supported (use the JDK's key store properties).
 */
public class SMTPHandler extends Handler {
    private final String mailhost;
    private final int mailport;
    private final String fromaddr;
    private final List<String> toaddrs;
    private final String subject;
    private final String username;
    private final String password;
    private final boolean secure;
    private final double timeout;
    private final Session session;
    private final MailDigest digest = new MailDigest();
    private volatile double minInterval = 60;
    private volatile int digestCapacity = 1000;
    private ScheduledExecutorService timer;

    /** Python's {@code SMTPHandler(mailhost, fromaddr, toaddrs, subject)}: port 25, no login, plain SMTP. */
    public SMTPHandler(String mailhost, String fromaddr, List<String> toaddrs, String subject) {
        this(mailhost, 0, fromaddr, toaddrs, subject, null, false, 5.0);
    }

    /**
     * The full form. {@code mailport} 0 means 25 (Python's {@code smtplib.SMTP_PORT});
     * {@code credentials} is {@code [username, password]} or null; {@code timeout} in seconds, 0
     * for none.
     */
    public SMTPHandler(String mailhost, int mailport, String fromaddr, List<String> toaddrs, String subject,
                       String[] credentials, boolean secure, double timeout) {
        this.mailhost = Objects.requireNonNull(mailhost, "mailhost");
        this.mailport = mailport > 0 ? mailport : 25;
        this.fromaddr = Objects.requireNonNull(fromaddr, "fromaddr");
        this.toaddrs = List.copyOf(toaddrs);
        if (this.toaddrs.isEmpty()) throw new IllegalArgumentException("toaddrs must name at least one address");
        this.subject = Objects.requireNonNull(subject, "subject");
        if (credentials != null && credentials.length != 2) {
            throw new IllegalArgumentException("credentials must be [username, password]");
        }
        this.username = credentials == null ? null : credentials[0];
        this.password = credentials == null ? null : credentials[1];
        this.secure = secure;
        if (!(timeout >= 0)) throw new IllegalArgumentException("timeout must be >= 0 seconds, got " + timeout);
        this.timeout = timeout;
        this.session = Session.getInstance(properties());
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", mailhost);
        p.setProperty("mail.smtp.port", Integer.toString(mailport));
        if (timeout > 0) {
            String ms = Long.toString(Math.max(1, Math.round(timeout * 1000)));
            p.setProperty("mail.smtp.connectiontimeout", ms);
            p.setProperty("mail.smtp.timeout", ms);
            p.setProperty("mail.smtp.writetimeout", ms);
        }
        if (username != null) p.setProperty("mail.smtp.auth", "true");
        if (secure) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    /** Python's {@code getSubject}: the subject of a record's mail; override to vary it. */
    protected String getSubject(LogRecord record) {
        return subject;
    }

    @Override
    protected void emit(LogRecord record) throws MessagingException, IOException {
        MailDigest.Entry entry = new MailDigest.Entry(record, getSubject(record), format(record));
        long interval = (long) (minInterval * 1e9);
        if (interval <= 0) {
            send(entry.subject, entry.body);
            return;
        }
        long now = System.nanoTime();
        switch (digest.offer(entry, now, interval, digestCapacity)) {
            case SEND_NOW:
                send(entry.subject, entry.body);
                break;
            case HELD_FIRST:
                timer().schedule(this::sendDigest, digest.delayNanos(now), TimeUnit.NANOSECONDS);
                break;
            case DROPPED:
                throw new IOException("record dropped from the mail digest: " + digestCapacity + " records are already waiting");
            default:
                break;
        }
    }

    /** Mails the held records as one digest; on the timer thread, or on the closing thread. */
    private void sendDigest() {
        MailDigest.Batch batch = digest.take(System.nanoTime(), (long) (minInterval * 1e9));
        if (batch.isEmpty()) return;
        try {
            send(batch.subject(), batch.body());
        } catch (MessagingException | RuntimeException e) {
            for (MailDigest.Entry entry : batch.entries) handleError(entry.record, e);
        }
    }

    /** Sends one mail with Python's headers: From, To (comma-joined), Subject, Date. */
    protected void send(String mailSubject, String body) throws MessagingException {
        MimeMessage msg = new MimeMessage(session);
        msg.setFrom(new InternetAddress(fromaddr));
        msg.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", toaddrs)));
        msg.setSubject(mailSubject, "UTF-8");
        msg.setSentDate(new Date());
        msg.setText(body, "UTF-8");
        if (username != null) {
            Transport.send(msg, username, password);
        } else {
            Transport.send(msg);
        }
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "cairn-smtp-digest");
                thread.setDaemon(true);
                return thread;
            });
            t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
        return timer;
    }

    /** Python's SMTPHandler has nothing to flush; held records wait for their interval or for close. */
    @Override
    public void flush() {
    }

    /** Mails the held digest now, after any digest already being sent, then releases the timer. */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination((long) (timeout * 3000) + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sendDigest();
        super.close();
    }

    public double getMinInterval() {
        return minInterval;
    }

    /** At most one mail per this many seconds (60); 0 mails every record at once, as Python. */
    public void setMinInterval(double seconds) {
        if (!(seconds >= 0)) throw new IllegalArgumentException("minInterval must be >= 0 seconds, got " + seconds);
        this.minInterval = seconds;
    }

    public int getDigestCapacity() {
        return digestCapacity;
    }

    /** The most records one digest holds (1000); further ones are counted and reported as dropped. */
    public void setDigestCapacity(int records) {
        if (records < 1) throw new IllegalArgumentException("digestCapacity must be >= 1, got " + records);
        this.digestCapacity = records;
    }

    public String getMailhost() {
        return mailhost;
    }

    public int getMailport() {
        return mailport;
    }

    public List<String> getToaddrs() {
        return toaddrs;
    }

    public boolean isSecure() {
        return secure;
    }

    public double getTimeout() {
        return timeout;
    }
}
