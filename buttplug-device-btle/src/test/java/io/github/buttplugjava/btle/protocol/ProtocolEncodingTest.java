package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encodings of protocols that have no upstream device test case, checked against the facts in
 * shared/reference/protocols.md and the reference sources.
 */
class ProtocolEncodingTest {

    private static HardwareCommand.Write w(Endpoint e, boolean withResponse, int... data) {
        return new HardwareCommand.Write(e, Frames.bytes(data), withResponse, 0);
    }

    private static DeviceDefinition definition(String protocol, String identifier) {
        return DeviceConfiguration.bundled().definition(protocol, identifier, "a").orElseThrow();
    }

    @Test
    void realov() {
        assertThat(new Realov().vibrate(0, 25)).containsExactly(w(Endpoint.TX, false, 0xc5, 0x55, 25, 0xaa));
    }

    @Test
    void yououCountsPacketsAndChecksumsThem() throws Exception {
        Youou youou = new Youou();
        assertThat(youou.identify("youou", new RecordingIo("VX001_12")).get(1, TimeUnit.SECONDS).identifier())
                .isEqualTo("VX001_");
        int[] first = {0xaa, 0x55, 0x00, 0x02, 0x03, 0x01, 0x80, 0x01};
        int crc = 0;
        for (int b : first) {
            crc ^= b;
        }
        assertThat(youou.vibrate(0, 0x80)).containsExactly(w(Endpoint.TX, false,
                0xaa, 0x55, 0x00, 0x02, 0x03, 0x01, 0x80, 0x01, crc, 0xff, 0, 0, 0, 0, 0, 0, 0));
        byte[] second = ((HardwareCommand.Write) youou.vibrate(0, 0).get(0)).data();
        assertThat(second[2]).isEqualTo((byte) 1);
        assertThat(second).hasSize(17);
    }

    @Test
    void liboFamilies() {
        LiboElle elle = new LiboElle();
        assertThat(elle.vibrate(0, 5)).containsExactly(w(Endpoint.TXMODE, false, 5));
        assertThat(elle.vibrate(1, 3)).containsExactly(w(Endpoint.TX, false, (2 << 4) | 1));
        assertThat(elle.vibrate(1, 9)).containsExactly(w(Endpoint.TX, false, (1 << 4) | 4));
        assertThat(elle.vibrate(1, 0)).containsExactly(w(Endpoint.TX, false, 0));

        LiboShark shark = new LiboShark();
        shark.vibrate(0, 2);
        assertThat(shark.vibrate(1, 3)).containsExactly(w(Endpoint.TX, false, 0x23));

        LiboVibes vibes = new LiboVibes();
        assertThat(vibes.vibrate(0, 4)).containsExactly(w(Endpoint.TX, false, 4));
        assertThat(vibes.vibrate(0, 0)).containsExactly(w(Endpoint.TX, false, 0), w(Endpoint.TXMODE, false, 0));
        assertThat(vibes.vibrate(1, 2)).containsExactly(w(Endpoint.TXMODE, false, 2));
    }

    @Test
    void kiirooV21VibratesMovesAndReadsItsBattery() throws Exception {
        KiirooV21 kiiroo = new KiirooV21(false);
        assertThat(kiiroo.vibrate(0, 50)).containsExactly(w(Endpoint.TX, false, 0x01, 50));
        List<HardwareCommand> move = kiiroo.positionWithDuration(1, 99, 500);
        int speed = (int) (250 * Math.pow((500 * 90.0) / (1.0 * 100.0), -1.05) * 99.0);
        assertThat(move).containsExactly(w(Endpoint.TX, false, 0x03, 0x00, speed, 99));
        RecordingIo io = new RecordingIo("Pearl2.1");
        byte[] whitelist = new byte[20];
        whitelist[5] = 64;
        io.reads.put(Endpoint.WHITELIST, whitelist);
        assertThat(kiiroo.readInput(io, 2, InputType.BATTERY).get(1, TimeUnit.SECONDS)).isEqualTo(64);
        io.reads.put(Endpoint.WHITELIST, new byte[3]);
        assertThatThrownBy(() -> kiiroo.readInput(io, 2, InputType.BATTERY).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @Test
    void kiirooV21InitialisedSendsItsStartFrames() throws Exception {
        RecordingIo io = new RecordingIo("Onyx2.1");
        new KiirooV21(true).initialize(io).get(1, TimeUnit.SECONDS);
        assertThat(io.log).containsExactly(w(Endpoint.TX, true, 0x03, 0x00, 0x64, 0x19), w(Endpoint.TX, true, 0x03, 0x00, 0x64, 0x00));
    }

    @Test
    void kiirooV2VibratorSendsAllThreeMotors() {
        KiirooV2Vibrator k = new KiirooV2Vibrator();
        k.vibrate(0, 10);
        assertThat(k.vibrate(2, 30)).containsExactly(w(Endpoint.TX, false, 10, 0, 30));
    }

    @Test
    void smallVendorFrames() throws Exception {
        assertThat(new LoveNuts().vibrate(0, 5)).containsExactly(w(Endpoint.TX, false,
                0x45, 0x56, 0x4f, 0x4c, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55, 0x00, 0xff));
        assertThat(new ManNuo().vibrate(0, 3)).containsExactly(w(Endpoint.TX, true,
                0xaa, 0x55, 0x06, 0x01, 0x01, 0x01, 0x03, 0xfa, 0xaa ^ 0x55 ^ 0x06 ^ 0x01 ^ 0x01 ^ 0x01 ^ 0x03 ^ 0xfa));
        int sum = 0x55 + 0x04 + 0x07 + 0xff + 0xff + 0x3f + 9 + 0x5f + 9;
        assertThat(new Maxpro().vibrate(0, 9)).containsExactly(w(Endpoint.TX, false,
                0x55, 0x04, 0x07, 0xff, 0xff, 0x3f, 9, 0x5f, 9, sum & 0xff));
        RecordingIo io = new RecordingIo("REACH");
        LoveDistance ld = new LoveDistance();
        ld.initialize(io).get(1, TimeUnit.SECONDS);
        assertThat(io.log).containsExactly(w(Endpoint.TX, false, 0xf3, 0, 0), w(Endpoint.TX, false, 0xf4, 1));
        assertThat(ld.vibrate(0, 7)).containsExactly(w(Endpoint.TX, false, 0xf3, 0, 7));
        RecordingIo lio = new RecordingIo("Lioness");
        Lioness lioness = new Lioness();
        lioness.initialize(lio).get(1, TimeUnit.SECONDS);
        assertThat(lio.log).containsExactly(new HardwareCommand.Subscribe(Endpoint.RX),
                w(Endpoint.TX, true, 0x01, 0xaa, 0xaa, 0xbb, 0xcc, 0x10));
        assertThat(lioness.vibrate(0, 4)).containsExactly(w(Endpoint.TX, false, 0x02, 0xaa, 0xbb, 0xcc, 0xcc, 4));
    }

    @Test
    void svakomVariants() throws Exception {
        assertThat(new SvakomDice().vibrate(0, 4)).containsExactly(w(Endpoint.TX, false, 0x55, 0x04, 0, 0, 1, 4, 0xaa));
        assertThat(new SvakomJordan().oscillate(1, 3)).containsExactly(w(Endpoint.TX, false, 0x55, 0x08, 0, 0, 1, 3, 0));
        assertThat(new SvakomTaraX().vibrate(0, 0)).containsExactly(w(Endpoint.TX, false, 0x55, 0x03, 0, 0, 1, 1));
        assertThat(new SvakomDt250a().constrict(2, 5)).containsExactly(w(Endpoint.TX, false, 0x55, 0x09, 0, 0, 5, 0));
        assertThat(new SvakomAvaNeo().oscillate(1, 6)).containsExactly(w(Endpoint.TX, false, 0x55, 0x08, 0, 0, 6, 0xff));
        SvakomSuitcase suitcase = new SvakomSuitcase();
        assertThat(suitcase.vibrate(0, 20)).containsExactly(w(Endpoint.TX, false, 0x55, 0x03, 0, 0, 2, 10));
        assertThat(suitcase.vibrate(0, 23)).containsExactly(w(Endpoint.TX, false, 0x55, 0x03, 0, 0, 3, 3));
        ProtocolHandler v4 = Protocols.builtIn().factory("svakom-v4").orElseThrow().create(definition("svakom-v4", "ERICA"));
        assertThat(v4).isInstanceOf(SvakomTwoVibrators.class);
        assertThat(v4.vibrate(0, 5)).containsExactly(w(Endpoint.TX, false, 0x55, 0x03, 1, 0, 1, 5, 0));
        assertThat(v4.vibrate(1, 5)).containsExactly(w(Endpoint.TX, false, 0x55, 0x03, 0, 0, 1, 5, 0));
        RecordingIo sam = new RecordingIo("Sam Neo");
        SvakomSam samHandler = new SvakomSam();
        samHandler.initialize(sam).get(1, TimeUnit.SECONDS);
        assertThat(sam.log).containsExactly(new HardwareCommand.Subscribe(Endpoint.RX));
        assertThat(samHandler.constrict(1, 2)).containsExactly(w(Endpoint.TX, false, 18, 6, 1, 2));
    }

    @Test
    void patooPicobongZalo() throws Exception {
        Patoo patoo = new Patoo();
        assertThat(patoo.identify("patoo", new RecordingIo("PTVEA123")).get(1, TimeUnit.SECONDS).identifier())
                .isEqualTo("PTVEA");
        assertThat(patoo.vibrate(1, 7)).containsExactly(w(Endpoint.TX, true, 7), w(Endpoint.TXMODE, true, 0x80));
        assertThat(patoo.vibrate(0, 3)).containsExactly(w(Endpoint.TX, true, 3), w(Endpoint.TXMODE, true, 4));
        assertThat(new Picobong().vibrate(0, 0)).containsExactly(w(Endpoint.TX, false, 1, 0xff, 0));
        Zalo zalo = new Zalo();
        assertThat(zalo.vibrate(1, 4)).containsExactly(w(Endpoint.TX, true, 1, 1, 4));
        assertThat(zalo.vibrate(1, 0)).containsExactly(w(Endpoint.TX, true, 2, 1, 1));
    }

    @Test
    void launchEntersCommandModeAndMovesWithTheSpeedCurve() throws Exception {
        RecordingIo io = new RecordingIo("Launch");
        KiirooV2 launch = new KiirooV2();
        launch.initialize(io).get(1, TimeUnit.SECONDS);
        assertThat(io.log).containsExactly(w(Endpoint.FIRMWARE, true, 0x00));
        int speed = (int) (250 * Math.pow((300 * 90.0) / (0.5 * 100.0), -1.05) * 99.0);
        assertThat(launch.positionWithDuration(0, 99 / 2, 300))
                .containsExactly(w(Endpoint.TX, false, 49, (int) (250 * Math.pow((300 * 90.0) / ((49 / 99.0) * 100.0), -1.05) * 99.0)));
        assertThat(speed).isPositive();
    }

    @Test
    void theHandySendsAProtobufLinearCmd() {
        // Payload{1: Message{403: LinearCmd{1: 2, 3: Vector{2: 500, 3: 0.5}}}}, hand-encoded
        byte[] vector = Frames.bytes(0x10, 0xf4, 0x03, 0x19, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f);
        byte[] cmd = concat(Frames.bytes(0x08, 0x02, 0x1a, vector.length), vector);
        byte[] message = concat(Frames.bytes(0x9a, 0x19, cmd.length), cmd);
        byte[] payload = concat(Frames.bytes(0x0a, message.length), message);
        assertThat(new TheHandy().positionWithDuration(0, 50, 500))
                .containsExactly(new HardwareCommand.Write(Endpoint.TX, payload, true, 0));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void lovenseStrokerStepsTowardThePosition() {
        ProtocolHandler solace = Lovense.handlerFor(definition("lovense", "BA"));
        assertThat(solace).isInstanceOf(LovenseStroker.class);
        assertThat(solace.positionWithDuration(0, 30, 300)).isEmpty();
        PeriodicWork steps = solace.periodicWork().get(0);
        assertThat(steps.interval()).isEqualTo(java.time.Duration.ofMillis(100));
        for (int pos : new int[] {10, 20, 30}) {
            assertThat(steps.tick().next(java.time.Duration.ZERO))
                    .containsExactly(new HardwareCommand.Write(Endpoint.TX, Lovense.ascii("FSetSite:" + pos + ";"), false, 0));
        }
        assertThat(steps.tick().next(java.time.Duration.ZERO)).as("at the goal: nothing more").isEmpty();
    }

    @Test
    void unsupportedCommandsFailWithADeviceError() {
        assertThatThrownBy(() -> new Realov().output(0, OutputCommand.of(OutputType.ROTATE, 3)))
                .isInstanceOf(ButtplugDeviceException.class).hasMessageContaining("Rotate");
    }

    @Test
    void everyRegisteredProtocolIsInTheConfiguration() {
        DeviceConfiguration config = DeviceConfiguration.bundled();
        for (String id : Protocols.builtIn().ids()) {
            assertThat(config.protocol(id)).as("protocol %s", id).isPresent();
        }
    }
}
